import { inferShapes, type LayerSpec, type LayerWeights, type Shape, weightSizes } from '../spec';
import { seededRandom } from '../spec/random';

/**
 * Fresh weights for a stack: He-uniform kernels (limit sqrt(6 / fan-in), suited to ReLU) and zero
 * biases, drawn from a seeded generator in layer order, so a seed means the same network everywhere.
 */
export function initialWeights(
  input: Shape,
  layers: readonly LayerSpec[],
  seed: number,
): (LayerWeights | null)[] {
  const random = seededRandom(seed);
  const report = inferShapes(input, layers);
  return layers.map((layer, i) => {
    const shape = report.layers[i];
    const sizes = shape ? weightSizes(layer, shape.input) : null;
    if (!sizes) return null;
    const fanIn = sizes.kernel / sizes.bias;
    const limit = Math.sqrt(6 / fanIn);
    const kernel = Array.from({ length: sizes.kernel }, () => Math.fround((random() * 2 - 1) * limit));
    return { kernel, bias: new Array<number>(sizes.bias).fill(0) };
  });
}
