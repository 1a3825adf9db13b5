/**
 * The WebGL context under TensorFlow.js's webgl backend, reached without importing the backend
 * (the trainer must not load it where it is not used).
 */

/** The context of a webgl backend instance, or null for any other backend. */
export function webglContextOf(backend: unknown): WebGL2RenderingContext | WebGLRenderingContext | null {
  const gl = (backend as { gpgpu?: { gl?: unknown } } | null)?.gpgpu?.gl;
  return gl && typeof (gl as WebGLRenderingContext).isContextLost === 'function'
    ? (gl as WebGLRenderingContext)
    : null;
}

/** Resolves when `gl` loses its context (never, for a context without a canvas that can tell). */
export function contextLoss(gl: WebGL2RenderingContext | WebGLRenderingContext): Promise<void> {
  return new Promise((resolve) => {
    if (gl.isContextLost()) resolve();
    const canvas = gl.canvas as { addEventListener?: (type: string, listener: () => void) => void };
    canvas.addEventListener?.('webglcontextlost', () => resolve());
  });
}

/** Loses `gl`'s context through WEBGL_lose_context; false when the extension is missing. */
export function loseContext(gl: WebGL2RenderingContext | WebGLRenderingContext): boolean {
  const extension = gl.getExtension('WEBGL_lose_context');
  if (!extension) return false;
  extension.loseContext();
  return true;
}
