// Swedish driving licence categories (JobTech "driving-licence" concepts, ../shared/data
// small-concept-lists.json). Profiles store the category code ("B"); the concept id is kept for
// exchange with JobTech services.
import { vocabulary } from "./vocabulary.ts";

export const drivingLicences = vocabulary({
  AM: "AM – moped klass I",
  A1: "A1 – lätt motorcykel",
  A2: "A2 – mellanstor motorcykel",
  A: "A – motorcykel",
  B: "B – personbil",
  "Utökad B": "Utökad B – personbil med tyngre släp",
  BE: "BE – personbil med släp",
  C1: "C1 – medeltung lastbil",
  C1E: "C1E – medeltung lastbil med släp",
  C: "C – lastbil",
  CE: "CE – lastbil med släp",
  D1: "D1 – mellanstor buss",
  D1E: "D1E – mellanstor buss med släp",
  D: "D – buss",
  DE: "DE – buss med släp",
});
export type DrivingLicence = (typeof drivingLicences.codes)[number];

export const drivingLicenceConceptIds: Record<DrivingLicence, string> = {
  AM: "4HpY_e2U_TUH",
  A1: "bneY_V3g_Kog",
  A2: "Eybh_j3s_SqF",
  A: "hK8X_cX9_5P4",
  B: "VTK8_WRx_GcM",
  "Utökad B": "ftCQ_gFu_L4b",
  BE: "bcFd_Vkt_KXL",
  C1: "swP6_psb_FCB",
  C1E: "xRum_Wtt_T1e",
  C: "BKCx_hST_Pcm",
  CE: "zZu8_iZ9_wMH",
  D1: "5L6k_p4w_8Wu",
  D1E: "qZ2E_JSL_xAq",
  D: "hK1a_wsQ_4UG",
  DE: "6se7_AdD_nGw",
};
