import definitionJson from '../../../../domain/process/definitions/housing-support-2024@4.json';
import { decisionLabelOf, transitionTaken } from '../../../../domain/process/decision-label-of';
import type { ProcessDefinition } from '../../../../domain/process/process-definition';

const definition = definitionJson as unknown as ProcessDefinition;
const record = (fromStep: string | null, action: string, toStep: string | null, outcome?: 'completed' | 'rejected') =>
  ({ fromStep, action, toStep, ...(outcome ? { outcome } : {}) }) as Parameters<typeof decisionLabelOf>[1];

describe('what a recorded decision is called', () => {
  it("is its transition's own label, told apart by where the dossier went", () => {
    // Two approvals at the district review: a new build goes to the province, a repair is decided by the district.
    expect(decisionLabelOf(definition, record('district-review', 'approve', 'province-approval')).vi).toBe(
      'Đồng ý, trình tỉnh',
    );
    expect(decisionLabelOf(definition, record('district-review', 'approve', 'district-approval')).vi).toBe(
      'Phê duyệt sửa chữa',
    );
    expect(decisionLabelOf(definition, record('advance-confirmation', 'approve', 'completion-acceptance')).vi).toBe(
      'Xác nhận đã chi trả',
    );
    // A decision that closed the dossier is found by its outcome.
    expect(decisionLabelOf(definition, record('rest-order', 'reject', null, 'completed')).vi).toBe(
      'Dừng, hủy phần kinh phí còn lại',
    );
    expect(transitionTaken(definition, record('rest-confirmation', 'approve', null, 'completed'))?.end).toBe(
      'completed',
    );
  });

  it("falls back to the action's name for the receipt, the clock's actions and the timers, never a code", () => {
    expect(decisionLabelOf(definition, record(null, 'create', 'proposal'))).toEqual({
      vi: 'Tiếp nhận hồ sơ',
      en: 'Dossier received',
    });
    expect(decisionLabelOf(definition, record('district-review', 'extend', 'district-review')).vi).toBe(
      'Xin lỗi và hẹn lại ngày trả kết quả',
    );
    expect(decisionLabelOf(definition, record('district-review', 'remind', 'district-review')).vi).toBe('Nhắc hạn');
    expect(decisionLabelOf(definition, record('district-review', 'escalate', 'district-review')).vi).toBe(
      'Quá hạn, báo cáo cấp trên',
    );
  });
});
