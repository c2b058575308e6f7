import { validatorModules } from 'hoso:validators';
import type { FormDefinition } from '../../../forms/form-definition';
import { formRef } from '../../../forms/form-ref';
import {
  createPrecompiledValidator,
  type PrecompiledFormValidator,
} from '../../../forms/standalone/create-precompiled-validator';

/**
 * Loads the precompiled validator of `form`'s exact `key@version` (its own chunk, fetched on demand) and binds it to
 * the definition. Undefined when this build has no validator for that version (a form published after the bundle
 * was built) or the chunk cannot be loaded: the embed then relies on the server's validation alone, whose 422
 * errors are shown next to the fields all the same. Never throws.
 */
export async function loadPrecompiledValidator(
  form: FormDefinition,
  warn: (message: string) => void,
): Promise<PrecompiledFormValidator | undefined> {
  const ref = `${form.key}@${form.version}`;
  try {
    const load = validatorModules[formRef(form.key, form.version)];
    if (!load) {
      warn(`hoso forms: no precompiled validator for ${ref} in this build; the server validates alone`);
      return undefined;
    }
    const module = await load();
    if (module.formRef !== ref) throw new Error(`the module for ${ref} says it is ${module.formRef}`);
    return createPrecompiledValidator(module.validate as never, form);
  } catch (error) {
    warn(
      `hoso forms: the validator of ${ref} could not be loaded (${String((error as Error)?.message ?? error)}); the server validates alone`,
    );
    return undefined;
  }
}
