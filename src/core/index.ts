export * from "./customer";
export * from "./error";
export * from "./phone";
export * from "./client";
export * from "./locale";
export * from "./messages";
export * from "./validate";
export * from "./envelope";
