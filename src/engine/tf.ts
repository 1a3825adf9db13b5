/**
 * The one door to TensorFlow.js: tfjs-core with every gradient registered and the cpu backend.
 * tfjs-core registers no gradients until this import runs; every engine module imports tf from here.
 */
// tfjs-core itself first: a bundle that met the deep gradient import first would load a second copy.
import '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';

import * as tf from '@tensorflow/tfjs-core';

// Production mode: no debug checks, and no advice to install the native Node backend.
tf.env().set('PROD', true);

export { tf };
