/**
 * Sparse L2-regularised logistic regression (the baselines' learner): rows in CSR form, soft labels in
 * [0, 1], one penalty per feature, fitted by L-BFGS (optim.ts). Used for IRT (1PL), PFA and the
 * count/item/skill logistic regression of the baselines.
 */
import { lbfgs } from './optim.js';

/** A design matrix in compressed-sparse-row form plus labels. */
export interface SparseRows {
  /** Number of features (columns). */
  nFeatures: number;
  /** Row r has entries idx[start[r] .. start[r+1]) with values val[...] (start.length = rows + 1). */
  start: Int32Array;
  idx: Int32Array;
  val: Float64Array;
  /** Labels in [0, 1] (1 = correct). */
  y: Float64Array;
}

/** Incremental builder of SparseRows. */
export class RowBuilder {
  private readonly starts: number[] = [0];
  private readonly idx: number[] = [];
  private readonly val: number[] = [];
  private readonly ys: number[] = [];

  constructor(readonly nFeatures: number) {}

  /** Adds one entry to the row being built (feature index in [0, nFeatures)). */
  add(feature: number, value: number): void {
    if (value === 0) return;
    this.idx.push(feature);
    this.val.push(value);
  }

  /** Closes the row being built with its label. */
  end(y: number): void {
    this.starts.push(this.idx.length);
    this.ys.push(y);
  }

  build(): SparseRows {
    return { nFeatures: this.nFeatures, start: Int32Array.from(this.starts), idx: Int32Array.from(this.idx), val: Float64Array.from(this.val), y: Float64Array.from(this.ys) };
  }
}

/** w·x of row r. */
export function rowDot(rows: SparseRows, w: ArrayLike<number>, r: number): number {
  let z = 0;
  for (let k = rows.start[r]!; k < rows.start[r + 1]!; k++) z += w[rows.idx[k]!]! * rows.val[k]!;
  return z;
}

function softplus(x: number): number {
  return x > 30 ? x : x < -30 ? Math.exp(x) : Math.log1p(Math.exp(x));
}

/**
 * Objective: Σ_r [softplus(z_r) − y_r·z_r] + ½ Σ_j λ_j w_j², z_r = w·x_r (the negative log-likelihood of
 * the logistic model plus a Gaussian prior of precision λ_j on w_j). Writes the gradient into `grad`.
 */
export function logisticObjective(rows: SparseRows, w: ArrayLike<number>, penalty: ArrayLike<number>, grad: Float64Array): number {
  grad.fill(0);
  let f = 0;
  const nRows = rows.y.length;
  for (let r = 0; r < nRows; r++) {
    const z = rowDot(rows, w, r);
    const y = rows.y[r]!;
    f += softplus(z) - y * z;
    const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    const d = p - y;
    for (let k = rows.start[r]!; k < rows.start[r + 1]!; k++) grad[rows.idx[k]!]! += d * rows.val[k]!;
  }
  for (let j = 0; j < rows.nFeatures; j++) {
    const l = penalty[j]!;
    if (l === 0) continue;
    const wj = w[j]!;
    f += 0.5 * l * wj * wj;
    grad[j]! += l * wj;
  }
  return f;
}

/** Fits the weights by L-BFGS from zero; `penalty[j]` is the L2 precision of feature j (0 = unpenalised). */
export function fitLogistic(rows: SparseRows, penalty: ArrayLike<number>, opts: { maxIterations?: number; tolerance?: number } = {}): Float64Array {
  const w0 = new Float64Array(rows.nFeatures);
  const r = lbfgs((w, g) => logisticObjective(rows, w, penalty, g), w0, { maxIterations: opts.maxIterations ?? 300, tolerance: opts.tolerance ?? 1e-6 });
  return r.x;
}
