// "Fråga coachen": ask a question at any time. It goes to the contact coach — or the coaching
// organisation's shared inbox when there is none — by email, and the answer comes back here.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { TextareaField } from "~/components/form-controls.tsx";
import { ErrorSummary, Field } from "~/components/forms.tsx";
import { MESSAGE_MAX, parseQuestion, SUBJECT_MAX } from "~/domain/threads.ts";
import { requireEmployerUser } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { formValues, type FieldErrors } from "~/domain/forms.ts";
import { newFormKey } from "~/utils/form-key.server.ts";
import { askQuestion, employerQuestionPath, questionRecipient } from "~/utils/questions.server.ts";
import { redirectWithNotice } from "~/utils/notice.server.ts";

export const meta: MetaFunction = () => [{ title: "Fråga coachen – Brygga" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireEmployerUser(request);
  const recipient = await questionRecipient(db, user.employerId);
  return {
    formKey: newFormKey(),
    recipient: recipient
      ? { organizationName: recipient.organizationName, coachName: recipient.coach?.name ?? null }
      : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireEmployerUser(request);
  const values = formValues(await request.formData());
  const form = parseQuestion(values);
  if (!form.ok) return data({ errors: form.errors, values, message: null }, { status: 400 });
  const result = await askQuestion(user, form.data);
  if (!result.ok) return data({ errors: {} as FieldErrors, values, message: result.message }, { status: 400 });
  throw await redirectWithNotice(
    employerQuestionPath(result.threadId),
    "Din fråga är skickad. Du får ett mejl när coachen har svarat.",
  );
}

export default function NewQuestion() {
  const { recipient, formKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const values = actionData?.values ?? {};
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  return (
    <>
      <p className="breadcrumb">
        <Link to="/arbetsgivare/fragor">← Alla frågor</Link>
      </p>
      <h1>Fråga coachen</h1>
      {!recipient ? (
        <div className="alert alert--warning">
          <p>
            Ni är inte kopplade till någon coachorganisation ännu, så frågan kan inte skickas här. Ring eller mejla den
            coach som bjöd in er.
          </p>
        </div>
      ) : (
        <>
          <p className="lead">
            {recipient.coachName
              ? `Frågan går till ${recipient.coachName} på ${recipient.organizationName}, som får ett mejl direkt.`
              : `Frågan går till ${recipient.organizationName}s gemensamma inkorg och besvaras av den coach som har tid.`}{" "}
            Du ser svaret här och får ett mejl när det kommer.
          </p>
          <ErrorSummary
            message={actionData?.message ?? (actionData ? "Frågan skickades inte. Rätta det som är markerat." : null)}
          />
          <Form method="post" className="form" noValidate>
            <input type="hidden" name="formKey" value={formKey} />
            <Field
              label="Vad gäller frågan?"
              name="subject"
              hint="Några ord, till exempel ”Lönestöd för en ny medarbetare”."
              errors={actionData?.errors?.subject}
              inputProps={{ defaultValue: text("subject"), maxLength: SUBJECT_MAX + 20, required: true }}
            />
            <TextareaField
              label="Din fråga"
              name="body"
              hint={`Skriv så mycket du vill, högst ${MESSAGE_MAX} tecken. Skriv inga personnummer eller hälsouppgifter.`}
              errors={actionData?.errors?.body}
              textareaProps={{ defaultValue: text("body"), rows: 7, required: true }}
            />
            <button type="submit" className="button" aria-disabled={navigation.state === "submitting" || undefined}>
              {navigation.state === "submitting" ? "Skickar …" : "Skicka frågan"}
            </button>
          </Form>
        </>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
