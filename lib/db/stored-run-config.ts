/** A column of a run as stored: the model, its params as sent (before a random seed), its label. */
export interface StoredRunConfig {
  modelId: string;
  params: Record<string, unknown>;
  label: string;
  notes: string[];
}
