import type { ApiResult } from './result';
import type { MethodInput, MethodName, MethodOutput } from './contract';

/** What the preload exposes on `window.mediationDesk`: one typed call, nothing else. */
export interface DeskBridge {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>>;
}
