/** One problem with one field of a request, e.g. { path: "models.0.params.num_images", message }. */
export interface ApiIssue {
  /** Dotted field path. */
  path: string;
  message: string;
}

/** The one error envelope every route returns. */
export interface ErrorEnvelope {
  error: {
    code: string;
    message: string;
    issues?: ApiIssue[];
  };
}
