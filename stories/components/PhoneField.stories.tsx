import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, within } from "storybook/test";
import { PhoneField, useLocale, type PhoneFieldProps } from "@ching/billing-portal-react";
import { catalog, componentMeta, inLocale, literal, withPortal, type StoryEnvironment } from "./support";

interface ControlledProps extends Omit<PhoneFieldProps, "value" | "onValueChange"> {
  /** Shows the library's own "invalid phone" message, in the story's language, as `error`. */
  invalid?: boolean;
}

/** A controlled PhoneField that shows the value it hands over. */
function Controlled({ invalid, ...props }: ControlledProps) {
  const [value, setValue] = useState(props.defaultValue ?? "");
  const { locale } = useLocale();
  return (
    <div style={{ maxInlineSize: "24rem" }}>
      <PhoneField {...props} error={invalid ? catalog(locale)["form.error.phone.invalid"] : props.error} value={value} onValueChange={setValue} />
      <p style={{ fontFamily: "monospace" }}>
        value: <output data-testid="value">{value}</output>
      </p>
    </div>
  );
}

const meta = {
  title: "Components/PhoneField",
  component: Controlled,
  // The docs page's props table is PhoneField's own.
  subcomponents: { PhoneField },
  ...componentMeta(Controlled, { themes: ["light", "dark"] }),
  // The field makes no requests; an empty mock endpoint keeps the setup the same as elsewhere.
  beforeEach: withPortal(),
} satisfies Meta<ControlledProps & StoryEnvironment>;

export default meta;
type Story = StoryObj<typeof meta>;

export const NationalHebrew: Story = {
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const input = canvas.getByLabelText(catalog(context)["form.phone"]);
    await expect(input).toHaveAttribute("dir", "ltr");
    await expect(getComputedStyle(input).direction).toBe("ltr");
    await userEvent.type(input, "0501234567");
    // Typed the local way, it stays the local way (in either language).
    await expect(input).toHaveValue("050-123-4567");
    await expect(canvas.getByTestId("value")).toHaveTextContent("+972501234567");
  },
};

export const InternationalEnglish: Story = {
  args: { locale: "en" },
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const input = canvas.getByLabelText(catalog(context)["form.phone"]);
    await userEvent.type(input, "00442079460958");
    await expect(input).toHaveValue("+44 20 7946 0958");
    await expect(canvas.getByTestId("value")).toHaveTextContent("+442079460958");
  },
};

export const PastedWithDashes: Story = {
  args: { locale: "en" },
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await userEvent.click(canvas.getByLabelText(catalog(context)["form.phone"]));
    await userEvent.paste("+972 50-123-4567");
    await expect(canvas.getByTestId("value")).toHaveTextContent("+972501234567");
  },
};

export const WithErrorHebrew: Story = {
  args: { defaultValue: "050-12", invalid: true },
  play: async (context) => {
    const t = catalog(context);
    const input = within(context.canvasElement).getByLabelText(t["form.phone"]);
    await expect(input).toHaveAttribute("aria-invalid", "true");
    await expect(input).toHaveValue("050-12");
    // The hint, then the error: both read out with the field.
    await expect(input).toHaveAccessibleDescription(`${t["form.phone.hint"]} ${t["form.error.phone.invalid"]}`);
  },
};

export const WithErrorEnglish: Story = {
  args: { locale: "en", defaultValue: "050-12", invalid: true },
  play: async (context) => {
    const t = catalog(context);
    await expect(within(context.canvasElement).getByLabelText(t["form.phone"])).toHaveAccessibleDescription(literal(t["form.error.phone.invalid"]));
  },
};

export const DarkHebrew: Story = {
  args: { theme: "dark", defaultValue: "+972501234567" },
  play: async (context) => {
    // An Israeli number shown the local way to a Hebrew reader; 16 px text, so iOS does not zoom in.
    const input = within(context.canvasElement).getByLabelText(catalog(context)["form.phone"]);
    await expect(input).toHaveValue(inLocale(context, { he: "050-123-4567", en: "+972 50 123 4567" }));
    await expect(parseFloat(getComputedStyle(input).fontSize)).toBeGreaterThanOrEqual(16);
  },
};

export const DisabledEnglish: Story = {
  args: { locale: "en", disabled: true, defaultValue: "+972501234567" },
  tags: ["forced-colors"],
  play: async (context) => {
    const input = within(context.canvasElement).getByLabelText(catalog(context)["form.phone"]);
    await expect(input).toBeDisabled();
    // Looks disabled: a dashed edge and muted text, not only another background (issue 13, item 5).
    const style = getComputedStyle(input);
    await expect(style.borderTopStyle).toBe("dashed");
    await expect(style.cursor).toBe("not-allowed");
  },
};
