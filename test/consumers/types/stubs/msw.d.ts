// Stands in for msw's declarations in the configurations without the DOM lib (msw's need it).
export declare class HttpHandler {
  private readonly stub: true;
}
