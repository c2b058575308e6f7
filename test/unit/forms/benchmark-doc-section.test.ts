import { replaceMarkdownSection } from '../../../scripts/bench/replace-markdown-section';

const heading = '## Forms (`npm run bench:forms`)';

describe('replaceMarkdownSection (how bench:forms updates docs/benchmarks.md)', () => {
  it('replaces only its own section, up to the next heading of the same level', () => {
    const doc = [
      '# Benchmarks',
      '',
      '## API (`npm run bench:api`)',
      '',
      'api figures',
      '',
      heading,
      '',
      'old figures',
      '',
      '### Notes',
      'old notes',
      '',
      '## Workflows',
      '',
      'workflow figures',
      '',
    ].join('\n');
    expect(replaceMarkdownSection(doc, heading, 'new figures\n')).toBe(
      [
        '# Benchmarks',
        '',
        '## API (`npm run bench:api`)',
        '',
        'api figures',
        '',
        heading,
        '',
        'new figures',
        '',
        '## Workflows',
        '',
        'workflow figures',
        '',
      ].join('\n'),
    );
  });

  it('appends the section when the document does not have it yet, and is idempotent', () => {
    const once = replaceMarkdownSection('# Benchmarks\n\nIntro.\n', heading, 'figures');
    expect(once).toBe(`# Benchmarks\n\nIntro.\n\n${heading}\n\nfigures\n`);
    expect(replaceMarkdownSection(once, heading, 'figures')).toBe(once);
  });

  it('does not take a heading inside a code block for the end of the section', () => {
    const doc = `${heading}\n\nold\n\n\`\`\`sh\n# not a heading\n\`\`\`\n\n## Next\n`;
    expect(replaceMarkdownSection(doc, heading, 'new')).toBe(`${heading}\n\nnew\n\n## Next\n`);
  });
});
