import { act, renderHook, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  billingPortalKeys,
  useCreateCustomer,
  useCustomer,
  useCustomers,
  useUpdateCustomer,
} from "../../src/react";
import { createMockBillingPortal } from "../../src/testing";
import { DANA, TAL } from "../fixtures";
import type { ReactElement } from "react";
import { renderHookInProvider, renderInProvider } from "../render";

// The library's own retry policy, with retries that wait 0 ms.
const renderFast = (ui: ReactElement) => renderInProvider(ui, { retries: "fast" });
const renderHookFast = <T,>(hook: () => T) => renderHookInProvider(hook, { retries: "fast" });


const portal = createMockBillingPortal({ customers: [TAL, DANA], signedIn: TAL.id });
const server = setupServer(...portal.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  portal.reset();
  // Back to the signed-in portal, after tests that served another one.
  server.resetHandlers();
});
afterAll(() => server.close());

const gets = (path: string) => portal.requests.filter((r) => r.method === "GET" && r.path === path).length;

function Profile({ id }: { id?: string }) {
  const { data, isPending, error } = useCustomer(id);
  if (isPending) return <p>Loading</p>;
  if (error) return <p role="alert">{`${error.status} ${error.code}`}</p>;
  if (data === null) return <p>No customer yet</p>;
  return <p>{data.name}</p>;
}

describe("useCustomer()", () => {
  it("shows loading, then the signed-in customer", async () => {
    renderFast(<Profile />);
    expect(screen.getByText("Loading")).toBeInTheDocument();
    expect(await screen.findByText("Tal Levi")).toBeInTheDocument();
  });

  it("answers null, once, for a person without a customer: a state, not a retry loop", async () => {
    portal.signIn(null);
    renderFast(<Profile />);
    expect(await screen.findByText("No customer yet")).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(gets("/customers/me")).toBe(1);
  });

  it("shows a 4xx error without retrying it", async () => {
    portal.failWith({ status: 401, code: "UNAUTHENTICATED", message: "Sign in" });
    renderFast(<Profile />);
    expect(await screen.findByRole("alert")).toHaveTextContent("401 UNAUTHENTICATED");
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(gets("/customers/me")).toBe(1);
  });

  it("retries a 5xx twice, then shows the error", async () => {
    portal.failWith({ status: 503, code: "UPSTREAM_UNAVAILABLE", message: "Down" });
    renderFast(<Profile />);
    expect(await screen.findByRole("alert")).toHaveTextContent("503 UPSTREAM_UNAVAILABLE");
    expect(gets("/customers/me")).toBe(3);
  });

  it("recovers when a retry succeeds", async () => {
    portal.failWith({ status: 500, code: "INTERNAL", message: "Oops", times: 1 });
    renderFast(<Profile />);
    expect(await screen.findByText("Tal Levi")).toBeInTheDocument();
    expect(gets("/customers/me")).toBe(2);
  });

  it("makes one request for many components asking for the same customer", async () => {
    renderFast(
      <>
        {Array.from({ length: 12 }, (_, i) => (
          <Profile key={i} />
        ))}
      </>,
    );
    await waitFor(() => expect(screen.getAllByText("Tal Levi")).toHaveLength(12));
    expect(gets("/customers/me")).toBe(1);
  });

  it("reads another customer by id where the endpoint allows it, and reports a 404 without retrying", async () => {
    const backOffice = createMockBillingPortal({ customers: [TAL, DANA], signedIn: TAL.id, allowOthers: true });
    server.use(...backOffice.handlers);
    renderFast(
      <>
        <Profile id={DANA.id} />
        <Profile id="cus_Missing00000" />
      </>,
    );
    expect(await screen.findByText("Dana Cohen")).toBeInTheDocument();
    expect(await screen.findByRole("alert")).toHaveTextContent("404 NOT_FOUND");
    expect(backOffice.requests.filter((r) => r.path === "/customers/cus_Missing00000")).toHaveLength(1);
  });
});

describe("useCustomers()", () => {
  it("lists customers where the endpoint allows it", async () => {
    const backOffice = createMockBillingPortal({ customers: [TAL, DANA], signedIn: TAL.id, allowOthers: true });
    server.use(...backOffice.handlers);
    const { result } = renderHookFast(() => useCustomers());
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.map((c) => c.name)).toEqual(["Dana Cohen", "Tal Levi"]);
  });

  it("reports the endpoint's 403 as an error", async () => {
    const { result } = renderHookFast(() => useCustomers());
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 403, code: "FORBIDDEN" });
  });
});

function CreateThenShow() {
  const create = useCreateCustomer();
  return (
    <>
      <Profile />
      <button onClick={() => create.mutate({ name: "Noa Bar", email: "noa@example.com" })}>Create</button>
      {create.error && <p role="alert">{create.error.code}</p>}
    </>
  );
}

describe("useCreateCustomer()", () => {
  it("puts the created customer in the cache: no second GET to show it", async () => {
    portal.signIn(null);
    renderFast(<CreateThenShow />);
    expect(await screen.findByText("No customer yet")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Create" }));
    expect(await screen.findByText("Noa Bar")).toBeInTheDocument();
    expect(gets("/customers/me")).toBe(1);
    expect(portal.customers().filter((c) => c.name === "Noa Bar")).toHaveLength(1);
  });

  it("reports the endpoint's error and sends the create only once", async () => {
    portal.signIn(null);
    portal.failWith({ status: 500, code: "INTERNAL", message: "Oops", method: "POST" });
    renderFast(<CreateThenShow />);
    await screen.findByText("No customer yet");
    await userEvent.click(screen.getByRole("button", { name: "Create" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("INTERNAL");
    expect(portal.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("invalidates the list after a create", async () => {
    const backOffice = createMockBillingPortal({ customers: [TAL], signedIn: null, allowOthers: true });
    server.use(...backOffice.handlers);
    const { result } = renderHookFast(() => ({ list: useCustomers(), create: useCreateCustomer() }));
    await waitFor(() => expect(result.current.list.data).toHaveLength(1));
    await act(() => result.current.create.mutateAsync({ name: "Noa Bar" }));
    await waitFor(() => expect(result.current.list.data).toHaveLength(2));
  });
});

describe("useUpdateCustomer()", () => {
  it("puts the updated customer in the cache without refetching it", async () => {
    function Editor() {
      const update = useUpdateCustomer();
      return (
        <>
          <Profile />
          <button onClick={() => update.mutate({ name: "Tal Levi-Cohen" })}>Rename</button>
        </>
      );
    }
    const { queryClient } = renderFast(<Editor />);
    await screen.findByText("Tal Levi");
    await userEvent.click(screen.getByRole("button", { name: "Rename" }));
    expect(await screen.findByText("Tal Levi-Cohen")).toBeInTheDocument();
    expect(gets("/customers/me")).toBe(1);
    expect(portal.requests.filter((r) => r.method === "POST")).toEqual([
      { method: "POST", path: "/customers/me", body: { name: "Tal Levi-Cohen" } },
    ]);
    expect(queryClient.getQueryData(billingPortalKeys.customer(TAL.id))).toMatchObject({ name: "Tal Levi-Cohen" });
  });

  it("updates another customer by id and keeps the signed-in one apart", async () => {
    const backOffice = createMockBillingPortal({ customers: [TAL, DANA], signedIn: TAL.id, allowOthers: true });
    server.use(...backOffice.handlers);
    const { result, queryClient } = renderHookFast(() => useUpdateCustomer(DANA.id));
    await act(() => result.current.mutateAsync({ locale: "en" }));
    expect(backOffice.requests.at(-1)).toMatchObject({ method: "POST", path: `/customers/${DANA.id}`, body: { locale: "en" } });
    expect(queryClient.getQueryData(billingPortalKeys.customer(DANA.id))).toMatchObject({ locale: "en" });
    expect(queryClient.getQueryData(billingPortalKeys.me())).toBeUndefined();
  });

  it("reports a validation error with its issues", async () => {
    const { result } = renderHookFast(() => useUpdateCustomer());
    await act(() => result.current.mutateAsync({ email: "not-an-email" }).catch(() => undefined));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 400, code: "INVALID_FIELD" });
    expect(result.current.error?.issues[0]?.path).toEqual(["email"]);
  });
});

describe("outside BillingPortalProvider", () => {
  it.each<[string, () => unknown]>([
    ["useCustomer", () => useCustomer()],
    ["useCustomers", () => useCustomers()],
    ["useCreateCustomer", () => useCreateCustomer()],
    ["useUpdateCustomer", () => useUpdateCustomer()],
  ])("%s throws an error that names it", (name, hook) => {
    expect(() => renderHook(hook)).toThrow(`\`${name}\` must be used within \`BillingPortalProvider\``);
  });
});
