import { valueOf, type MethodName, type ParamsArg, type ResultOf } from '../contractCall';
import { FrameClient } from '../frameClient';

/**
 * The app's control socket as the owner, for tests that only need a call's value: a failed call
 * fails the test with the app's message. `frames` is the raw client underneath, for events and for
 * calls whose failure the test handles itself.
 */
export class Control {
  private constructor(readonly frames: FrameClient) {}

  static async open(studio: { controlUrl: string }): Promise<Control> {
    return new Control(await FrameClient.open(studio.controlUrl));
  }

  /** Calls a contract method and returns its value (name, params and result type checked at compile time). */
  async call<M extends MethodName>(method: M, ...args: ParamsArg<M>): Promise<ResultOf<M>> {
    return valueOf(await this.frames.call(method, ...args), method);
  }

  close(): void {
    this.frames.close();
  }
}
