import { describe, expect, it } from 'vitest';
import { CameraError, cameraErrorMessage, startCamera } from '../../src/editor/camera';

describe('saying why there is no camera', () => {
  it.each([
    { name: 'NotAllowedError', says: 'The camera was refused.' },
    { name: 'SecurityError', says: 'The camera was refused.' },
    { name: 'NotFoundError', says: 'No camera was found.' },
    { name: 'OverconstrainedError', says: 'No camera was found.' },
    { name: 'NotReadableError', says: 'another program may be using it' },
    { name: 'TypeError', says: 'The camera could not be started (odd).' },
  ])('$name', ({ name, says }) => {
    expect(cameraErrorMessage(new DOMException('odd', name))).toContain(says);
  });

  it('refuses at once where the browser gives the page no camera (not https)', async () => {
    await expect(startCamera(undefined)).rejects.toThrow('a camera needs a page opened over https');
  });

  it('turns a refusal into a sentence for the teacher', async () => {
    const refusing = {
      getUserMedia: () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError')),
    };
    const error = await startCamera(refusing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CameraError);
    expect((error as Error).message).toMatch(/^The camera was refused\. Allow this page/);
  });
});
