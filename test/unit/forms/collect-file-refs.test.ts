import completion from '../../../forms/definitions/housing-completion@1.json';
import example from '../../../forms/examples/housing-completion@1.json';
import { collectFileRefs } from '../../../forms/collect-file-refs';

describe('collectFileRefs', () => {
  it('finds every photo reference of the completion-acceptance example, with its path', () => {
    expect(collectFileRefs(completion.uiSchema, example)).toEqual(
      example.photos.map((p, i) => ({ path: `/photos/${i}/fileId`, fileId: p.fileId })),
    );
  });

  it('ignores forms without file references and values that are not strings', () => {
    expect(collectFileRefs({ name: { 'ui:widget': 'text' } }, { name: 'x' })).toEqual([]);
    expect(collectFileRefs(completion.uiSchema, { photos: [{ fileId: 42 }, null] })).toEqual([]);
  });
});
