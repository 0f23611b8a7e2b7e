import type { HttpHandler } from "msw";

export declare function setupServer(...handlers: HttpHandler[]): { listen(): void; close(): void };
