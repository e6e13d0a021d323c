import { NPS_QUESTION, NPS_SCORE } from '../../../libs/domain/survey/nps.js';

// The customer-facing survey page: plain HTML, no script, everything interpolated escaped.

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title></head>
<body style="font-family: sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem">
<h1>${escape(title)}</h1>
${body}
</body></html>`;
}

/**
 * The NPS question as a group of 0–10 radio buttons, none required: the legend names the group for screen readers and
 * each choice has its own label.
 */
function npsQuestion(): string {
  const choices = Array.from({ length: NPS_SCORE.max - NPS_SCORE.min + 1 }, (_, index) => NPS_SCORE.min + index)
    .map((score) => `<label style="margin-right: 0.75rem"><input type="radio" name="npsScore" value="${score}"> ${score}</label>`)
    .join('\n');
  return `<fieldset>
<legend>${escape(NPS_QUESTION)} (optional)</legend>
<p>${NPS_SCORE.min} = not at all likely, ${NPS_SCORE.max} = extremely likely</p>
<p>${choices}</p>
</fieldset>`;
}

export function surveyFormPage(token: string, { asksNps }: { asksNps: boolean }): string {
  const scores = [1, 2, 3, 4, 5]
    .map((score) => `<label style="margin-right: 1rem"><input type="radio" name="score" value="${score}" required> ${score}</label>`)
    .join('\n');
  return page(
    'How did we do?',
    `<form method="post" action="survey">
<input type="hidden" name="token" value="${escape(token)}">
<p>1 = very unsatisfied, 5 = very satisfied</p>
<p>${scores}</p>
${asksNps ? `${npsQuestion()}\n` : ''}<p><label>Anything to add? (optional)<br><textarea name="comment" rows="4" cols="40" maxlength="5000"></textarea></label></p>
<p><button type="submit">Send</button></p>
</form>`,
  );
}

export function surveyResultPage(title: string, message: string): string {
  return page(title, `<p>${escape(message)}</p>`);
}
