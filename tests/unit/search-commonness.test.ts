import { describe, expect, test } from "vitest";
import { COMMONNESS, headWords, labelAlternatives, occupationCommonness } from "../../search/commonness.ts";

const occupation = (label: string, ssyk4Code: string, noEducationRequired = false) => ({
  label,
  ssyk4Code,
  noEducationRequired,
});

describe("occupation commonness", () => {
  test("jobs without an education requirement and SSYK major group 9 are the most everyday", () => {
    expect(occupationCommonness(occupation("Vårdbiträde", "5330", true))).toBe(COMMONNESS.noEducation);
    expect(occupationCommonness(occupation("Städare", "9111", true))).toBe(COMMONNESS.noEducation);
    expect(occupationCommonness(occupation("Lastpallssnickare", "9629"))).toBe(COMMONNESS.noEducation);
  });

  test("within groups 4–8 the hands-on worker comes before other titles; supervisors last", () => {
    expect(occupationCommonness(occupation("Lagerarbetare/Terminalarbetare", "4322"))).toBe(COMMONNESS.worker);
    expect(occupationCommonness(occupation("Charkuteriarbetare, butik", "5222"))).toBe(COMMONNESS.worker);
    expect(occupationCommonness(occupation("Lagerplanerare", "4322"))).toBe(COMMONNESS.trade);
    expect(occupationCommonness(occupation("Arbetsledare lager och terminal", "4321"))).toBe(COMMONNESS.specialist);
    expect(occupationCommonness(occupation("Kassaledare butik", "5221"))).toBe(COMMONNESS.specialist);
    expect(occupationCommonness(occupation("Kaféföreståndare", "5221"))).toBe(COMMONNESS.specialist);
  });

  test("post-secondary, university, manager and military groups rank lower", () => {
    expect(occupationCommonness(occupation("Butikskonsulent", "3339"))).toBe(COMMONNESS.postSecondary);
    expect(occupationCommonness(occupation("Läkare", "2219"))).toBe(COMMONNESS.specialist);
    expect(occupationCommonness(occupation("Lagerchef", "1320"))).toBe(COMMONNESS.specialist);
    expect(occupationCommonness(occupation("Soldat/Sjöman", "0310"))).toBe(COMMONNESS.specialist);
  });

  test("a label's names and their first words", () => {
    expect(labelAlternatives("Lagerarbetare/Terminalarbetare")).toEqual(["Lagerarbetare", "Terminalarbetare"]);
    expect(headWords("Butikssäljare, dagligvaror/Medarbetare, dagligvaror")).toEqual(["butikssaljare", "medarbetare"]);
    expect(headWords("Park- och trädgårdsarbetare")).toEqual(["park"]);
  });
});
