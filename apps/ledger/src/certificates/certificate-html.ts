import { categoryInfo } from '@tally/domain/categories';
import type { CertificateContent, CertificateVerdict } from '@tally/domain/certificates';

// The certificate as a page: bilingual (Chinese first, for the civil-affairs system, schools and
// employers here; English beside it), printable on A4 through the browser's print dialog, which
// also saves it as PDF. No scripts: the service's content policy allows none inline.

const STYLE = `
  :root { color-scheme: light; --ink: #1f2933; --muted: #52606d; --line: #cbd2d9; --seal: #b42318; }
  * { box-sizing: border-box; }
  body { margin: 0; background: #eef1f4; color: var(--ink);
    font: 16px/1.6 "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", Georgia, serif; }
  .sheet { width: 210mm; min-height: 297mm; margin: 24px auto; padding: 22mm 20mm; background: #fff;
    box-shadow: 0 2px 12px rgba(0,0,0,.12); border-top: 6px solid var(--seal); }
  .issuer { margin: 0; color: var(--muted); letter-spacing: .04em; }
  h1 { margin: 10mm 0 2mm; font-size: 30px; letter-spacing: .3em; text-align: center; }
  h1 span { display: block; font-size: 16px; letter-spacing: .12em; color: var(--muted); font-weight: normal; }
  .number { text-align: center; font-family: ui-monospace, Menlo, Consolas, monospace; margin: 0 0 10mm; }
  .statement { text-indent: 2em; margin: 0 0 4mm; }
  .statement.en { text-indent: 0; color: var(--muted); font-size: 14px; }
  table { width: 100%; border-collapse: collapse; margin: 8mm 0; }
  th, td { border-bottom: 1px solid var(--line); padding: 2.5mm 2mm; text-align: left; }
  th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
  tfoot td { font-weight: bold; border-bottom: 2px solid var(--ink); }
  .label-en { display: block; color: var(--muted); font-size: 13px; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 2mm 6mm; margin: 6mm 0; }
  dt { color: var(--muted); } dd { margin: 0; }
  .verify { margin-top: 14mm; padding-top: 4mm; border-top: 1px dashed var(--line); font-size: 13px; color: var(--muted); }
  .verify code { color: var(--ink); word-break: break-all; }
  .banner { width: 210mm; margin: 24px auto 0; padding: 5mm 8mm; border-radius: 6px; font-size: 18px; }
  .banner.genuine { background: #e3f9e5; color: #05400a; border: 1px solid #31a24c; }
  .banner.altered, .banner.not_found { background: #fdecea; color: #7a0c0c; border: 1px solid var(--seal); }
  .banner p { margin: 0; }
  @page { size: A4; margin: 0; }
  @media print {
    /* One A4 sheet even with every category listed. */
    body { background: #fff; font-size: 14px; line-height: 1.5; }
    .sheet { margin: 0; box-shadow: none; width: auto; min-height: 0; padding: 14mm 18mm; }
    h1 { margin-top: 6mm; }
    .number { margin-bottom: 6mm; }
    table { margin: 5mm 0; }
    th, td { padding: 1.5mm 2mm; }
    td .label-en { display: inline; margin-left: 2mm; font-size: 11px; }
    .verify { margin-top: 8mm; }
    .banner { display: none; }
  }
  @media screen and (max-width: 220mm) { .sheet, .banner { width: auto; margin: 12px; padding: 16px; } }
`;

export function escapeHtml(text: string | number): string {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function hours(value: number): string {
  return value.toLocaleString('en', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
}

function sheet(content: CertificateContent, verifyUrl: string): string {
  const name = escapeHtml(content.resident.name);
  const card = escapeHtml(content.resident.cardNumber);
  const { from, to } = content.period;
  const total = hours(content.totalHours);
  const rows = content.hoursByCategory
    .map(
      (row) =>
        `<tr><td>${escapeHtml(categoryInfo[row.category].label.zh)}<span class="label-en">${escapeHtml(
          categoryInfo[row.category].label.en,
        )}</span></td><td class="num">${hours(row.hours)}</td></tr>`,
    )
    .join('');
  const organizations =
    content.organizations.length > 0 ? content.organizations.map(escapeHtml).join('<br>') : '—';
  return `<main class="sheet">
  <p class="issuer">${escapeHtml(content.issuer.community)} · 社区居委会<br>Community Office</p>
  <h1>志愿服务证明<span>Volunteer Service Certificate</span></h1>
  <p class="number">编号 No. ${escapeHtml(content.number)}</p>
  <p class="statement">兹证明 <strong>${name}</strong>（社区卡号 ${card}）于 ${from} 至 ${to} 期间参加社区志愿服务，经社区审核认定的服务时长合计 <strong>${total} 小时</strong>。</p>
  <p class="statement en">This certifies that <strong>${name}</strong> (community card ${card}) gave <strong>${total} hours</strong> of volunteer service, approved by the community office, between ${from} and ${to}.</p>
  <table>
    <thead><tr><th>服务类别 <span class="label-en">Category</span></th><th class="num">小时 <span class="label-en">Hours</span></th></tr></thead>
    <tbody>${rows || '<tr><td colspan="2">—</td></tr>'}</tbody>
    <tfoot><tr><td>合计 Total</td><td class="num">${total}</td></tr></tfoot>
  </table>
  <dl>
    <dt>服务组织<span class="label-en">Organizations served</span></dt><dd>${organizations}</dd>
    <dt>签发单位<span class="label-en">Issued by</span></dt><dd>${escapeHtml(content.issuer.community)} 社区居委会 · Community Office</dd>
    <dt>签发日期<span class="label-en">Date of issue</span></dt><dd>${content.issuedOn}</dd>
  </dl>
  <p class="verify">真伪查验 Verify this certificate: <code>${escapeHtml(verifyUrl)}</code><br>
  本证明内容在签发时固定，任何改动都会在查验页面显示。The content was fixed at issue; any later change shows on the verification page.</p>
</main>`;
}

/** The printable certificate (staff). */
export function certificateHtml(content: CertificateContent, verifyUrl: string): string {
  return page(`志愿服务证明 ${content.number}`, sheet(content, verifyUrl));
}

const VERDICTS: Record<CertificateVerdict, { zh: string; en: string }> = {
  genuine: {
    zh: '✔ 真实有效：此证明由社区签发，内容未被改动。',
    en: 'Genuine: this certificate was issued by the community office and has not been altered.',
  },
  altered: {
    zh: '✘ 此证明的记录在签发后被改动，请勿采信。',
    en: 'This certificate’s record has been altered since it was issued. Do not rely on it.',
  },
  not_found: {
    zh: '✘ 未找到该编号的证明。',
    en: 'No certificate has this number. Check the number printed on the certificate.',
  },
};

/** The public verification page: the verdict, and the certificate only when it is genuine. */
export function verificationHtml({
  number,
  verdict,
  content,
  verifyUrl,
}: {
  number: string;
  verdict: CertificateVerdict;
  content?: CertificateContent | undefined;
  verifyUrl: string;
}): string {
  const { zh, en } = VERDICTS[verdict];
  const banner = `<section class="banner ${verdict}" role="status"><p><strong>${escapeHtml(zh)}</strong></p><p>${escapeHtml(en)}</p><p>编号 No. <code>${escapeHtml(number)}</code></p></section>`;
  return page(
    `证明查验 Certificate check ${number}`,
    verdict === 'genuine' && content ? `${banner}\n${sheet(content, verifyUrl)}` : banner,
  );
}
