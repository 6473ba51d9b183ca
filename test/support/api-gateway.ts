/**
 * An API Gateway REST API (v1) Lambda proxy event, as a stage sends it to a `{proxy+}` integration: what
 * the bundle tests and the cold-start benchmark send through a built function's `handler`.
 */
export interface ProxyRequest {
  method: string;
  /** The path without the stage (`/reports/2014/AL`). */
  path: string;
  /** The stage name, which API Gateway puts before the path in `requestContext.path`. */
  stage: string;
  headers: Record<string, string>;
  body?: string | null;
}

export function apiGatewayEvent({ method, path, stage, headers, body = null }: ProxyRequest) {
  return {
    resource: '/{proxy+}',
    path,
    httpMethod: method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: { proxy: path.slice(1) },
    stageVariables: null,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      resourcePath: '/{proxy+}',
      httpMethod: method,
      path: `/${stage}${path}`,
      stage,
      requestId: `${stage}-request`,
      requestTimeEpoch: Date.now(),
      protocol: 'HTTP/1.1',
      identity: { sourceIp: '127.0.0.1', userAgent: headers['user-agent'] ?? 'test' },
    },
    body,
    isBase64Encoded: false,
  };
}
