import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { PhoneField, type PhoneFieldProps } from "../../src/components";
import { expectNoAxeViolations, renderInProvider } from "./helpers";

function Controlled(props: Omit<PhoneFieldProps, "value" | "onValueChange"> & { initial?: string; onValue?: (value: string) => void }) {
  const { initial = "", onValue, ...rest } = props;
  const [value, setValue] = useState(initial);
  return (
    <>
      <PhoneField
        {...rest}
        value={value}
        onValueChange={(next) => {
          setValue(next);
          onValue?.(next);
        }}
      />
      <output data-testid="value">{value}</output>
      <button type="button" onClick={() => setValue("+442079460958")}>
        reset
      </button>
    </>
  );
}

const value = () => screen.getByTestId("value").textContent;

describe("PhoneField", () => {
  it("is a labelled tel input that autofills, stays LTR in a Hebrew page and has no axe violations", async () => {
    const { container } = renderInProvider(<PhoneField />, { locale: "he" });
    const input = screen.getByLabelText("טלפון");
    expect(input).toHaveAttribute("type", "tel");
    expect(input).toHaveAttribute("inputmode", "tel");
    expect(input).toHaveAttribute("autocomplete", "tel");
    expect(input).toHaveAttribute("name", "phone");
    expect(input).toHaveAttribute("dir", "ltr");
    expect(input).toHaveAccessibleDescription(/050-123-4567/);
    expect(input).not.toHaveAttribute("aria-invalid");
    const root = container.querySelector(".ching-phone");
    expect(root).toHaveAttribute("dir", "rtl");
    expect(root).toHaveAttribute("lang", "he");
    await expectNoAxeViolations(container);
  });

  it("formats a national number as it is typed and hands over its E.164 form", async () => {
    const user = userEvent.setup();
    const onValue = vi.fn();
    renderInProvider(<Controlled onValue={onValue} />, { locale: "en" });
    const input = screen.getByLabelText("Phone");
    await user.type(input, "0501234567");
    expect(input).toHaveValue("050-123-4567");
    expect(value()).toBe("+972501234567");
    // While the number is incomplete, the typed text is the value (a schema rejects it).
    expect(onValue).toHaveBeenCalledWith("050-123");
  });

  it.each([
    ["+44 20 7946 0958", "+442079460958"],
    ["00972501234567", "+972501234567"],
    ["+972 50-123-4567", "+972501234567"],
    ["050 123 4567", "+972501234567"],
    ["\u2066050-123-4567\u2069", "+972501234567"],
  ])("accepts the pasted %j as %s", async (pasted, e164) => {
    const user = userEvent.setup();
    renderInProvider(<Controlled />, { locale: "en" });
    const input = screen.getByLabelText("Phone");
    await user.click(input);
    await user.paste(pasted);
    expect(value()).toBe(e164);
  });

  it("keeps text that is not a phone number exactly as typed", async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    renderInProvider(<PhoneField onValueChange={onValueChange} />, { locale: "en" });
    const input = screen.getByLabelText("Phone");
    await user.type(input, "050-12ab");
    expect(input).toHaveValue("050-12ab");
    expect(onValueChange).toHaveBeenLastCalledWith("050-12ab", { text: "050-12ab", valid: false });
  });

  it("lets the person delete a separator without it coming back", async () => {
    const user = userEvent.setup();
    renderInProvider(<Controlled />, { locale: "en" });
    const input = screen.getByLabelText("Phone");
    await user.type(input, "0501");
    expect(input).toHaveValue("050-1");
    await user.type(input, "{Backspace}{Backspace}");
    expect(input).toHaveValue("050");
  });

  it("shows a value set from outside, formatted, and numbers of another default country", async () => {
    const user = userEvent.setup();
    renderInProvider(<Controlled initial="+972501234567" defaultCountry="US" />, { locale: "en" });
    const input = screen.getByLabelText("Phone");
    expect(input).toHaveValue("+972 50 123 4567");
    await user.click(screen.getByRole("button", { name: "reset" }));
    expect(input).toHaveValue("+44 20 7946 0958");
    await user.clear(input);
    await user.type(input, "2125550100");
    expect(value()).toBe("+12125550100");
  });

  it("links its error by aria-describedby and marks the input invalid", async () => {
    const { container } = renderInProvider(<PhoneField error="Bad number" hint={false} label="Mobile" />, { locale: "en" });
    const input = screen.getByLabelText("Mobile");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription("Bad number");
    await expectNoAxeViolations(container);
  });
});
