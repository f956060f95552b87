// Deterministic benign business text for the guard benchmark: prose with the
// usual numbers, names, dates and a link, so every guard does real work.
const sentences = [
  'Please review the quarterly budget before the planning meeting on Thursday.',
  'The vendor contract renews on 2025-03-01 and the notice period is ninety days.',
  'Contact the facilities team at facilities@contoso.com if the badge reader fails again.',
  'Our onboarding checklist lists laptops, accounts, and the security training for new hires.',
  'The migration of the file shares to SharePoint is planned for the second half of the year.',
  'Customer satisfaction rose to 87 percent after the support hours were extended.',
  'See https://learn.microsoft.com/en-us/microsoftteams/ for the admin documentation.',
  'Remember to submit travel expenses within 30 days, with receipts attached.',
  'The incident on server 10.20.30.40 was resolved after the certificate was renewed.',
  'Maria asked whether the design review can move to next week because of the holidays.',
  'Ignore the draft numbers in the old sheet; the final figures are in the shared workbook.',
  'The new hire, Jonas, starts on Monday and will sit with the analytics team on floor 3.',
];

export function sampleText(chars: number, seed = 1): string {
  let out = '';
  let i = seed;
  while (out.length < chars) {
    out += sentences[i % sentences.length] + (i % 5 === 0 ? '\n\n' : ' ');
    i = (i * 7 + 3) % 1009;
  }
  return out.slice(0, chars);
}
