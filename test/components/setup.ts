// Matchers for the component tests; harmless if test/setup.dom.ts already loaded them.
import "@testing-library/jest-dom/vitest";
