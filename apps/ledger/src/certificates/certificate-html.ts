import { categoryInfo } from '@tally/domain/categories';
import type {
  CertificateContent,
  CertificateSummary,
  CertificateVerdict,
  NameAsIssued,
} from '@tally/domain/certificates';
import { inLanguage, type LocalizedText } from '@tally/domain/localized-text';
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
  .frame { min-height: calc(297mm - 24mm); display: flex; flex-direction: column; padding: 10mm 14mm 7mm;
    border: 1.2mm double var(--gold); outline: .3mm solid var(--gold); outline-offset: -3mm; }
  .issuer { margin: 0; text-align: center; color: var(--muted); letter-spacing: .08em; font-size: 15px; }
  .issuer span { display: block; font-size: 12px; letter-spacing: .04em; }
  h1 { margin: 6mm 0 1mm; font-size: 34px; letter-spacing: .4em; text-indent: .4em; text-align: center; color: var(--seal); }
  h1 span { display: block; font-size: 15px; letter-spacing: .18em; text-indent: 0; color: var(--muted); font-weight: normal;
    text-transform: uppercase; }
  .number { text-align: center; font-family: ui-monospace, Menlo, Consolas, monospace; margin: 0 0 5mm; font-size: 14px;
    color: var(--muted); }
  .number strong { color: var(--ink); letter-spacing: .06em; }
  .statement { text-indent: 2em; margin: 0 0 2mm; font-size: 17px; line-height: 1.8; overflow-wrap: anywhere; }
  .statement.en { text-indent: 0; color: var(--muted); font-size: 14px; line-height: 1.6; }
  .statement strong { border-bottom: 1px solid var(--ink); padding: 0 1mm; }
  table { width: 100%; border-collapse: collapse; margin: 4mm 0 3mm; }
  caption { text-align: left; font-weight: bold; padding-bottom: 2mm; }
  th, td { border-bottom: 1px solid var(--line); padding: 1.6mm 2mm; text-align: left; vertical-align: baseline; }
  /* Two categories to a row once there are more than four, so every category fits on the sheet. */
  th.pair, td.pair { padding-left: 6mm; }
  thead th { border-bottom: 1.5px solid var(--ink); font-weight: bold; }
  th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  tfoot td { font-weight: bold; border-top: 1.5px solid var(--ink); border-bottom: 0; }
  .label-en { color: var(--muted); font-size: 12px; font-weight: normal; margin-left: 2mm; }
  .paired .label-en { font-size: 11px; margin-left: 1.5mm; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 2mm 8mm; margin: 2mm 0 0; }
  dt { color: var(--muted); } dt .label-en { display: block; margin: 0; }
  dd { margin: 0; overflow-wrap: anywhere; }
  dd.organizations { font-size: 15px; line-height: 1.5; }
  /* The foot of the sheet: how to check it (QR and address) beside the issuer, its date and seal. */
  .signature { margin-top: auto; padding-top: 5mm; display: flex; justify-content: space-between;
    align-items: flex-end; gap: 6mm; border-top: 1px dashed var(--line); }
  .check { display: flex; align-items: flex-end; gap: 3mm; min-width: 0; font-size: 11px; line-height: 1.45;
    color: var(--muted); }
  .qr { display: block; flex: none; width: 28mm; height: 28mm; }
  .check p { margin: 0; max-width: 52mm; }
  .check code { color: var(--ink); word-break: break-all; font-size: 11px; }
  /* The seal is stamped over the office's name and the date, as on any paper certificate. */
  .issued { position: relative; flex: none; width: 68mm; min-height: 30mm; display: flex; flex-direction: column;
    justify-content: center; text-align: center; overflow-wrap: anywhere; }
  .issued p { margin: 0; position: relative; }
  .issued .office { font-size: 17px; font-weight: bold; }
  .issued .seal { position: absolute; top: 50%; left: 50%; transform: translate(-50%, -50%);
    width: 30mm; height: 30mm; border: 1px dashed var(--line); border-radius: 50%; display: grid;
    place-items: start center; padding-top: 1mm; color: var(--muted); font-size: 10px; line-height: 1.3; }
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
  /* A phone (the public check is mostly opened by scanning the QR code): one column, nothing wider
     than the screen, the verdict first. */
  @media screen and (max-width: 600px) {
    body { font-size: 15px; }
    .sheet { margin: 8px; padding: 2mm; } .frame { padding: 5mm 4mm; border-width: .8mm; outline: 0; }
    .banner, .summary, .toolbar { margin: 8px; padding: 4mm; }
    .banner { font-size: 16px; } .summary { font-size: 16px; }
    .summary dl, dl { grid-template-columns: 1fr; gap: 0 0; } dd { margin-bottom: 3mm; }
    h1 { font-size: 26px; letter-spacing: .2em; text-indent: .2em; }
    .statement { font-size: 16px; }
    .paired tr { display: grid; grid-template-columns: 1fr auto; }
    .paired th.pair, .paired th.pair + th, .paired td:empty { display: none; }
    .paired td.pair { padding-left: 2mm; }
    .signature { flex-direction: column; align-items: stretch; }
    .check { align-items: flex-start; } .check p { max-width: none; }
    .issued { width: auto; }
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

function pairs<T>(items: T[]): T[][] {
  const rows: T[][] = [];
  for (let index = 0; index < items.length; index += 2) rows.push(items.slice(index, index + 2));
  return rows;
}

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
  return `<svg class="qr" viewBox="0 0 ${size} ${size}" role="img" aria-label="QR: ${escapeHtml(
    verifyUrl,
  )}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

/**
 * A name in each language, each as given (or the other, when given in one only). Certificates
 * issued before names were stored per language hold one string: it stands for both.
 */
function names(name: NameAsIssued): LocalizedText {
  if (typeof name === 'string') return { zh: name, en: name };
  return { zh: inLanguage(name, 'zh'), en: inLanguage(name, 'en') };
}

/** The Chinese name, and the English one beneath it when it differs. */
function nameInBoth(name: NameAsIssued): string {
  const { zh, en } = names(name);
  return zh === en
    ? escapeHtml(zh)
    : `${escapeHtml(zh)}<span class="label-en">${escapeHtml(en)}</span>`;
}

/** "青桐社区居委会" / "Q Community Office": the community's name is not doubled ("社区社区"). */
function offices(community: NameAsIssued): { officeZh: string; officeEn: string } {
  const { zh, en } = names(community);
  return {
    officeZh: escapeHtml(/社区$/.test(zh) ? `${zh}居委会` : `${zh} 社区居委会`),
    officeEn: escapeHtml(/community$/i.test(en) ? `${en} Office` : `${en} Community Office`),
  };
}

function sheet(content: CertificateContent, verifyUrl: string): string {
  const name = escapeHtml(content.resident.name);
  const card = escapeHtml(content.resident.cardNumber);
  const { officeZh, officeEn } = offices(content.issuer.community);
  const { from, to } = content.period;
  const total = hours(content.totalHours);
  const cells = content.hoursByCategory.map(
    (row) =>
      `<td>${escapeHtml(categoryInfo[row.category].label.zh)}<span class="label-en">${escapeHtml(
        categoryInfo[row.category].label.en,
      )}</span></td><td class="num">${hours(row.hours)}</td>`,
  );
  // Up to four categories one to a row; more, two to a row, so all eight still fit on the sheet.
  const paired = cells.length > 4;
  const rows = (paired ? pairs(cells) : cells.map((cell) => [cell]))
    .map(
      (row) =>
        `<tr>${row.map((cell, index) => (index === 1 ? cell.replace('<td>', '<td class="pair">') : cell)).join('')}${
          row.length === 1 && paired ? '<td class="pair"></td><td></td>' : ''
        }</tr>`,
    )
    .join('');
  const heading =
    '<th>服务类别<span class="label-en">Category</span></th><th class="num">小时<span class="label-en">Hours</span></th>';
  // Three organizations at most, so the sheet stays one page whoever holds it; the rest are counted.
  const shown = content.organizations.slice(0, 3).map(nameInBoth);
  const more = content.organizations.length - shown.length;
  const organizations =
    shown.length === 0
      ? '—'
      : [...shown, ...(more > 0 ? [`另有 ${more} 个组织 · and ${more} more`] : [])].join('<br>');
  return `<main class="sheet"><div class="frame">
  <p class="issuer">${officeZh}<span>${officeEn}</span></p>
  <h1>志愿服务证明<span>Volunteer Service Certificate</span></h1>
  <p class="number">编号 No. <strong>${escapeHtml(content.number)}</strong></p>
  <p class="statement">兹证明 <strong>${name}</strong>（社区卡号 ${card}）于 ${from} 至 ${to} 期间参加社区志愿服务，经社区审核认定的服务时长合计 <strong>${total} 小时</strong>。</p>
  <p class="statement en">This certifies that <strong>${name}</strong> (community card ${card}) gave <strong>${total} hours</strong> of volunteer service, approved by the community office, between ${from} and ${to}.</p>
  <table${paired ? ' class="paired"' : ''}>
    <thead><tr>${paired ? heading + heading.replace('<th>', '<th class="pair">') : heading}</tr></thead>
    <tbody>${rows || '<tr><td colspan="2">—</td></tr>'}</tbody>
    <tfoot><tr><td${paired ? ' colspan="3"' : ''}>合计<span class="label-en">Total</span></td><td class="num">${total}</td></tr></tfoot>
  </table>
  <dl>
    <dt>服务组织<span class="label-en">Organizations served</span></dt><dd class="organizations">${organizations}</dd>
  </dl>
  <div class="signature">
    <div class="check">${verifyQr(verifyUrl)}<p class="verify"><strong>扫码查验 Scan to verify</strong><br>
    <code>${escapeHtml(verifyUrl)}</code><br>
    签发后的任何改动都会在查验页显示。Any change after issue shows on that page.</p></div>
    <div class="issued">
      <p class="seal" aria-hidden="true">盖章处 Seal</p>
      <p class="office">${officeZh}</p>
      <p>签发日期 Date of issue ${content.issuedOn}</p>
    </div>
  </div>
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
    ${row('签发单位', 'Issued by', nameInBoth(summary.issuer.community))}
    ${row('签发日期', 'Issued on', escapeHtml(summary.issuedOn))}
  </dl>
  <p class="note">为保护个人信息，此处仅显示证明的要点；全文请查看持证人出示的纸质证明。<br>
  To protect the volunteer's privacy only the essentials are shown here; the full text is on the certificate its holder shows you.</p>
</section>`;
}
