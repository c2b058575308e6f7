import type { ApiResult, AppApiClient } from '../../../web/app/api/create-app-api-client';
import { createUnitDirectory } from '../../../web/app/units/create-unit-directory';
import type { UnitOption } from '../../../web/shared/widgets/unit-option';

const HA_CAU: UnitOption = {
  code: 'HN-HD-HC',
  name: 'Phường Hà Cầu',
  nameEn: 'Ha Cau ward',
  level: 'commune',
  parent: 'HN-HD',
  effectiveFrom: '2008-08-01',
  effectiveTo: '2025-06-30',
  successor: null,
  successors: [],
  inForce: false,
  acceptsDossiers: false,
};

/** An API client whose GETs answer from `answers`, one per call, recording the paths asked. */
function fakeApi(answers: ApiResult<unknown>[]): AppApiClient & { paths: string[] } {
  const paths: string[] = [];
  return {
    paths,
    get: async <T>(path: string) => {
      paths.push(path);
      return answers.shift() as ApiResult<T>;
    },
    getBlob: async () => {
      throw new Error('not used');
    },
    post: async () => {
      throw new Error('not used');
    },
    put: async () => {
      throw new Error('not used');
    },
    patch: async () => {
      throw new Error('not used');
    },
    signOut: async () => {
      throw new Error('not used');
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createUnitDirectory', () => {
  it('loads every unit, retired ones too, once, and tells its subscribers when the names arrive', async () => {
    const api = fakeApi([{ ok: true, status: 200, value: { items: [HA_CAU] } }]);
    const units = createUnitDirectory(api);
    const heard: number[] = [];
    units.subscribe(() => heard.push(units.version()));
    expect(units.get('HN-HD-HC')).toBeUndefined();
    units.load();
    units.load();
    await settle();
    units.load();
    expect(api.paths).toEqual(['/api/units?all=true']);
    expect(units.get('HN-HD-HC')).toEqual(HA_CAU);
    expect(units.get('HN-XX')).toBeUndefined();
    expect(heard).toEqual([1]);
  });

  it('tries again on the next load after a failed one', async () => {
    const api = fakeApi([
      { ok: false, status: 'network', code: 'network', message: 'offline', fields: [] },
      { ok: true, status: 200, value: { items: [HA_CAU] } },
    ]);
    const units = createUnitDirectory(api);
    units.load();
    await settle();
    expect(units.get('HN-HD-HC')).toBeUndefined();
    expect(units.version()).toBe(0);
    units.load();
    await settle();
    expect(units.get('HN-HD-HC')?.name).toBe('Phường Hà Cầu');
    expect(api.paths).toHaveLength(2);
  });

  it('stops telling a subscriber that unsubscribed', async () => {
    const units = createUnitDirectory(fakeApi([{ ok: true, status: 200, value: { items: [HA_CAU] } }]));
    const listener = jest.fn();
    const unsubscribe = units.subscribe(listener);
    unsubscribe();
    units.load();
    await settle();
    expect(listener).not.toHaveBeenCalled();
    expect(units.version()).toBe(1);
  });
});
