import type { DeskBridge } from '../../src/api/bridge';
import type { MethodInput, MethodName, MethodOutput } from '../../src/api/contract';
import type { ApiError, ApiResult } from '../../src/api/result';

declare global {
  interface Window {
    /** Present in the Electron window (the preload); absent in the browser preview. */
    readonly mediationDesk?: DeskBridge;
  }
}

/** The browser preview: the same contract over `POST /api/<method>` on the page's own origin. */
const httpBridge: DeskBridge = {
  async call(method, input) {
    try {
      const response = await fetch(`./api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as ApiResult<never>;
    } catch {
      return {
        ok: false,
        error: { code: 'INTERNAL', message: '无法连接服务 / Cannot reach the service' },
      };
    }
  },
};

const bridge: DeskBridge = window.mediationDesk ?? httpBridge;

/** An API error as an exception, for react-query's error channel. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

export function callResult<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<ApiResult<MethodOutput<M>>> {
  return bridge.call(method, input);
}

export async function call<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await bridge.call(method, input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}
