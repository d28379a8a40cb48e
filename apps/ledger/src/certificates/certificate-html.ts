import { categoryInfo } from '@tally/domain/categories';
import type {
  CertificateContent,
  CertificateSummary,
  CertificateVerdict,
} from '@tally/domain/certificates';
import qrcode from 'qrcode-generator';

// The certificate as a page: bilingual (Chinese first, for the civil-affairs system, schools and
// employers here; English beside it), one A4 sheet through the browser's print dialog, which
// also saves it as PDF. The service's content policy allows no inline script, so the "Print"
// button is wired by PRINT_SCRIPT, served from /certificates/print.js; without it the button
// stays hidden and the hint beside it names the keyboard shortcut.

const STYLE = `
  :root { color-scheme: light; --ink: #1f2933; --muted: #52606d; --line: #cbd2d9; --seal: #b42318;
    --gold: #a67c2d; --paper: #fffdf8; }
  * { box-sizing: border-box; }
  body { margin: 0; background: #e9ecef; color: var(--ink);
    font: 16px/1.6 "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", Georgia, serif; }
  .toolbar { width: 210mm; margin: 24px auto 0; display: flex; align-items: center; gap: 16px;
    font: 14px/1.5 system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: var(--muted); }
  .toolbar p { margin: 0; }
  .print { flex: none; min-height: 44px; padding: 8px 18px; border: 0; border-radius: 6px; cursor: pointer;
    background: #0b6e63; color: #fff; font: 600 15px/1.3 system-ui, "PingFang SC", "Noto Sans CJK SC", sans-serif; }
  .print:hover { background: #095a51; }
  .print:focus-visible { outline: 3px solid #1f6feb; outline-offset: 2px; }
  .print span { display: block; font-weight: 400; font-size: 12px; opacity: .9; }
  kbd { font: 12px ui-monospace, Menlo, Consolas, monospace; border: 1px solid var(--line); border-radius: 3px;
    padding: 0 4px; background: #fff; }
  .sheet { width: 210mm; min-height: 297mm; margin: 16px auto 24px; padding: 12mm; background: var(--paper);
    box-shadow: 0 2px 12px rgba(0,0,0,.14); }
  .frame { min-height: calc(297mm - 24mm); display: flex; flex-direction: column; padding: 12mm 14mm 8mm;
    border: 1.2mm double var(--gold); outline: .3mm solid var(--gold); outline-offset: -3mm; }
  .issuer { margin: 0; text-align: center; color: var(--muted); letter-spacing: .08em; font-size: 15px; }
  .issuer span { display: block; font-size: 12px; letter-spacing: .04em; }
  h1 { margin: 8mm 0 2mm; font-size: 34px; letter-spacing: .4em; text-indent: .4em; text-align: center; color: var(--seal); }
  h1 span { display: block; font-size: 15px; letter-spacing: .18em; text-indent: 0; color: var(--muted); font-weight: normal;
    text-transform: uppercase; }
  .number { text-align: center; font-family: ui-monospace, Menlo, Consolas, monospace; margin: 0 0 9mm; font-size: 14px;
    color: var(--muted); }
  .number strong { color: var(--ink); letter-spacing: .06em; }
  .statement { text-indent: 2em; margin: 0 0 3mm; font-size: 17px; line-height: 1.9; }
  .statement.en { text-indent: 0; color: var(--muted); font-size: 14px; line-height: 1.6; }
  .statement strong { border-bottom: 1px solid var(--ink); padding: 0 1mm; }
  table { width: 100%; border-collapse: collapse; margin: 7mm 0 5mm; }
  caption { text-align: left; font-weight: bold; padding-bottom: 2mm; }
  th, td { border-bottom: 1px solid var(--line); padding: 2.2mm 2mm; text-align: left; vertical-align: baseline; }
  thead th { border-bottom: 1.5px solid var(--ink); font-weight: bold; }
  th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  tfoot td { font-weight: bold; border-top: 1.5px solid var(--ink); border-bottom: 0; }
  .label-en { color: var(--muted); font-size: 12px; font-weight: normal; margin-left: 2mm; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 2mm 8mm; margin: 3mm 0 0; }
  dt { color: var(--muted); } dt .label-en { display: block; margin: 0; }
  dd { margin: 0; }
  .signature { margin-top: auto; padding-top: 10mm; display: flex; justify-content: space-between;
    align-items: flex-end; }
  .signature .qr { width: 30mm; min-width: 0; text-align: center; font-size: 10px; color: var(--muted); line-height: 1.3; }
  .qr svg { display: block; width: 30mm; height: 30mm; }
  .signature div { min-width: 78mm; text-align: center; }
  .signature p { margin: 0; }
  .signature .office { font-size: 17px; font-weight: bold; }
  .signature .seal { margin: 2mm auto 0; width: 34mm; height: 34mm; border: 1px dashed var(--line); border-radius: 50%;
    display: grid; place-items: center; color: var(--muted); font-size: 12px; line-height: 1.4; }
  .verify { margin-top: 8mm; padding-top: 3mm; border-top: 1px dashed var(--line); font-size: 12px; color: var(--muted);
    line-height: 1.5; }
  .verify code { color: var(--ink); word-break: break-all; font-size: 13px; }
  .banner { width: 210mm; margin: 24px auto 0; padding: 5mm 8mm; border-radius: 6px; font-size: 18px;
    font-family: system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
  .banner.genuine { background: #e3f9e5; color: #05400a; border: 1px solid #31a24c; }
  .banner.altered, .banner.not_found { background: #fdecea; color: #7a0c0c; border: 1px solid var(--seal); }
  .banner p { margin: 0; }
  .banner p + p { margin-top: 1mm; font-size: 15px; }
  .summary { width: 210mm; margin: 16px auto 24px; padding: 8mm 10mm; background: var(--paper);
    box-shadow: 0 2px 12px rgba(0,0,0,.14); font-size: 18px; }
  .summary .note { margin: 6mm 0 0; font-size: 14px; color: var(--muted); }
  @page { size: A4; margin: 0; }
  @media print {
    /* One A4 sheet even with every category listed; the frame and its colours print as seen. */
    body { background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    .toolbar, .banner { display: none; }
    .sheet { margin: 0; box-shadow: none; width: 210mm; min-height: 0; height: 296mm; padding: 10mm;
      break-inside: avoid; overflow: hidden; }
    .frame { min-height: 0; height: 100%; }
  }
  @media screen and (max-width: 220mm) {
    .sheet, .banner, .toolbar, .summary { width: auto; margin: 12px; }
    .sheet { padding: 4mm; min-height: 0; } .frame { min-height: 0; padding: 8mm 6mm; }
    .toolbar { flex-wrap: wrap; }
  }
`;

/** Wires the "Print / Save as PDF" button (served as a file: the content policy allows no inline script). */
export const PRINT_SCRIPT = `for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
`;

export function escapeHtml(text: string | number): string {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function page(title: string, body: string, { script = false } = {}): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
${script ? '<script src="/certificates/print.js" defer></script>\n' : ''}</head>
<body>
${body}
</body>
</html>
`;
}

function hours(value: number): string {
  return value.toLocaleString('en', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
}

const TOOLBAR = `<div class="toolbar">
  <button type="button" class="print" data-print hidden>打印 / 另存为 PDF<span>Print / Save as PDF</span></button>
  <p>在打印对话框中选择“另存为 PDF”即可保存为文件（也可按 <kbd>Ctrl</kbd>+<kbd>P</kbd>，Mac 上按 <kbd>⌘</kbd>+<kbd>P</kbd>）。<br>
  In the print dialog, choose “Save as PDF” to keep a file (or press <kbd>Ctrl</kbd>+<kbd>P</kbd>, <kbd>⌘</kbd>+<kbd>P</kbd> on a Mac).</p>
</div>`;

/** The verification address as a QR code, one SVG path: a phone opens `/verify/<number>`. */
function verifyQr(verifyUrl: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(verifyUrl);
  qr.make();
  const count = qr.getModuleCount();
  let path = '';
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.isDark(row, col)) path += `M${col + 2} ${row + 2}h1v1h-1z`;
    }
  }
  const size = count + 4;
  return `<div class="qr"><svg viewBox="0 0 ${size} ${size}" role="img" aria-label="QR: ${escapeHtml(
    verifyUrl,
  )}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>扫码查验<br>Scan to verify</div>`;
}

function sheet(content: CertificateContent, verifyUrl: string): string {
  const name = escapeHtml(content.resident.name);
  const card = escapeHtml(content.resident.cardNumber);
  const community = escapeHtml(content.issuer.community);
  // "Q Community Office", not "Q Community Community Office".
  const officeEn = /community$/i.test(content.issuer.community)
    ? `${community} Office`
    : `${community} Community Office`;
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
  return `<main class="sheet"><div class="frame">
  <p class="issuer">${community} 社区居委会<span>${officeEn}</span></p>
  <h1>志愿服务证明<span>Volunteer Service Certificate</span></h1>
  <p class="number">编号 No. <strong>${escapeHtml(content.number)}</strong></p>
  <p class="statement">兹证明 <strong>${name}</strong>（社区卡号 ${card}）于 ${from} 至 ${to} 期间参加社区志愿服务，经社区审核认定的服务时长合计 <strong>${total} 小时</strong>。</p>
  <p class="statement en">This certifies that <strong>${name}</strong> (community card ${card}) gave <strong>${total} hours</strong> of volunteer service, approved by the community office, between ${from} and ${to}.</p>
  <table>
    <thead><tr><th>服务类别<span class="label-en">Category</span></th><th class="num">小时<span class="label-en">Hours</span></th></tr></thead>
    <tbody>${rows || '<tr><td colspan="2">—</td></tr>'}</tbody>
    <tfoot><tr><td>合计<span class="label-en">Total</span></td><td class="num">${total}</td></tr></tfoot>
  </table>
  <dl>
    <dt>服务组织<span class="label-en">Organizations served</span></dt><dd>${organizations}</dd>
    <dt>签发单位<span class="label-en">Issued by</span></dt><dd>${community} 社区居委会 · ${officeEn}</dd>
    <dt>签发日期<span class="label-en">Date of issue</span></dt><dd>${content.issuedOn}</dd>
  </dl>
  <div class="signature">${verifyQr(verifyUrl)}<div>
    <p class="office">${community} 社区居委会</p>
    <p>${content.issuedOn}</p>
    <p class="seal" aria-hidden="true">盖章处<br>Seal</p>
  </div></div>
  <p class="verify">真伪查验 Verify this certificate: <code>${escapeHtml(verifyUrl)}</code><br>
  本证明内容在签发时固定，任何改动都会在查验页面显示。The content was fixed at issue; any later change shows on the verification page.</p>
</div></main>`;
}

/** The printable certificate (staff), with a button that opens the print dialog. */
export function certificateHtml(content: CertificateContent, verifyUrl: string): string {
  return page(`志愿服务证明 ${content.number}`, `${TOOLBAR}\n${sheet(content, verifyUrl)}`, {
    script: true,
  });
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

/**
 * The public verification page: the verdict and, for a genuine certificate, what proves it (a
 * masked name, the hours, the period, the issuer, the date). The whole certificate only for the
 * issuing community's office and auditors.
 */
export function verificationHtml({
  number,
  verdict,
  summary,
  content,
  verifyUrl,
}: {
  number: string;
  verdict: CertificateVerdict;
  summary?: CertificateSummary | undefined;
  content?: CertificateContent | undefined;
  verifyUrl: string;
}): string {
  const { zh, en } = VERDICTS[verdict];
  const banner = `<section class="banner ${verdict}" role="status"><p><strong>${escapeHtml(zh)}</strong></p><p>${escapeHtml(en)}</p><p>编号 No. <code>${escapeHtml(number)}</code></p></section>`;
  const body =
    verdict !== 'genuine'
      ? banner
      : content
        ? `${banner}\n${sheet(content, verifyUrl)}`
        : summary
          ? `${banner}\n${summaryHtml(summary)}`
          : banner;
  return page(`证明查验 Certificate check ${number}`, body);
}

function summaryHtml(summary: CertificateSummary): string {
  const row = (zh: string, en: string, value: string) =>
    `<dt>${zh}<span class="label-en">${en}</span></dt><dd>${value}</dd>`;
  return `<section class="summary" aria-label="证明摘要 What the certificate says">
  <dl>
    ${row('志愿者', 'Volunteer', escapeHtml(summary.resident.maskedName))}
    ${row('服务时长', 'Hours of service', `${hours(summary.totalHours)} 小时 hours`)}
    ${row('服务期间', 'Period', `${escapeHtml(summary.period.from)} – ${escapeHtml(summary.period.to)}`)}
    ${row('签发单位', 'Issued by', escapeHtml(summary.issuer.community))}
    ${row('签发日期', 'Issued on', escapeHtml(summary.issuedOn))}
  </dl>
  <p class="note">为保护个人信息，此处仅显示证明的要点；全文请查看持证人出示的纸质证明。<br>
  To protect the volunteer's privacy only the essentials are shown here; the full text is on the certificate its holder shows you.</p>
</section>`;
}
