import type { DemoAccount } from './load-demo-accounts';

const RULE = '─'.repeat(62);

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}

/** The lines `npm start` prints once everything runs: where each part answers and, in demo mode, the accounts. */
export function runningBanner(options: {
  mode: string;
  api: string;
  temporalUi: string;
  temporal: string;
  mongoUri: string;
  dataDir: string;
  accounts: readonly DemoAccount[];
}): string[] {
  const { mode, accounts } = options;
  const lines = [
    '',
    RULE,
    mode === 'demo'
      ? ' hoso is running — DEMO MODE: demo data and published passwords, never for real dossiers'
      : ' hoso is running (production mode)',
    '',
    ...table([
      ['   Web / API', options.api],
      ['   Temporal Web UI', options.temporalUi],
      ['   Temporal', options.temporal],
      ['   MongoDB URI', options.mongoUri],
      ['   Data folder', options.dataDir],
    ]),
  ];
  if (accounts.length > 0) {
    lines.push('', ' Demo accounts:');
    lines.push(
      ...table([
        ['   username', 'password', 'role', 'unit'],
        ...accounts.map((a) => [`   ${a.username}`, a.password, a.roleLabel, a.unitName]),
      ]),
    );
  }
  lines.push('', ` Ready in ${process.uptime().toFixed(1)} s. Ctrl-C stops everything.`);
  lines.push(RULE, '');
  return lines;
}
