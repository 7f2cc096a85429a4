import { rnnHiddenSize, rnnLayout } from '../../ops/_rnn';
import { floatBits, need, type Builder } from './context';

// The activations each recurrent op uses when `activations` is absent (ONNX Operators.md).
const DEFAULT_ACTIVATIONS: Record<string, string[]> = { LSTM: ['sigmoid', 'tanh', 'tanh'], GRU: ['sigmoid', 'tanh'] };
const DIRECTIONS = ['forward', 'reverse', 'bidirectional'];

// [seq, batch, input_size, hidden, direction (0 forward, 1 reverse, 2 bidirectional), layout, has_clip,
//  clip_bits, flag, default_activations]: flag is LSTM's input_forget or GRU's linear_before_reset;
// default_activations is 1 when `activations` is absent or spells the defaults for every direction (a kernel
// that implements only those refuses 0; alpha/beta do not apply to Sigmoid and Tanh).
function rnn(op: 'LSTM' | 'GRU', flag: string): Builder {
  return (c) => {
    const x = need(c, 0);
    const layout = rnnLayout(c);
    const [seq, batch] = layout === 1 ? [x[1]!, x[0]!] : [x[0]!, x[1]!];
    const direction = DIRECTIONS.indexOf(c.attr<string>('direction'));
    const acts = (c.attr<string[] | undefined>('activations') ?? []).map((a) => a.toLowerCase());
    const defaults = DEFAULT_ACTIVATIONS[op]!;
    const isDefault = acts.every((a, i) => a === defaults[i % defaults.length]);
    const clip = c.attr<number | undefined>('clip');
    return [seq, batch, x[2]!, Number(rnnHiddenSize(c, need(c, 2))), direction, layout, clip === undefined ? 0 : 1,
      floatBits(clip ?? 0), c.attr<number>(flag) ? 1 : 0, isDefault ? 1 : 0];
  };
}

export const lstm: Builder = rnn('LSTM', 'input_forget');
export const gru: Builder = rnn('GRU', 'linear_before_reset');
