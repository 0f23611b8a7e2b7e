import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, within } from "storybook/test";
import { PhoneField, type PhoneFieldProps } from "@ching/billing-portal-react";
import { catalog, InPortal, withPortal, type StoryEnvironment } from "./support";

type Args = Omit<PhoneFieldProps, "value" | "onValueChange"> & StoryEnvironment;

/** A controlled PhoneField that shows the value it hands over. */
function Controlled({ locale, theme, ...props }: Args) {
  const [value, setValue] = useState(props.defaultValue ?? "");
  return (
    <InPortal locale={locale} theme={theme}>
      <div style={{ maxInlineSize: "24rem" }}>
        <PhoneField {...props} value={value} onValueChange={setValue} />
        <p style={{ color: theme === "dark" ? "#f2f4f7" : "#111827", fontFamily: "monospace" }}>
          value: <output data-testid="value">{value}</output>
        </p>
      </div>
    </InPortal>
  );
}

const meta = {
  title: "Components/PhoneField",
  component: Controlled,
  // The docs page's props table is PhoneField's own.
  subcomponents: { PhoneField },
  args: { locale: "he" },
  argTypes: {
    locale: { control: "inline-radio", options: ["he", "en"] },
    theme: { control: "inline-radio", options: ["light", "dark"] },
  },
  // The field makes no requests; an empty mock endpoint keeps the setup the same as elsewhere.
  beforeEach: withPortal(),
} satisfies Meta<typeof Controlled>;

export default meta;
type Story = StoryObj<typeof meta>;

export const NationalHebrew: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByLabelText("טלפון");
    await expect(input).toHaveAttribute("dir", "ltr");
    await expect(getComputedStyle(input).direction).toBe("ltr");
    await userEvent.type(input, "0501234567");
    await expect(input).toHaveValue("050-123-4567");
    await expect(canvas.getByTestId("value")).toHaveTextContent("+972501234567");
  },
};

export const InternationalEnglish: Story = {
  args: { locale: "en" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByLabelText("Phone");
    await userEvent.type(input, "00442079460958");
    await expect(input).toHaveValue("+44 20 7946 0958");
    await expect(canvas.getByTestId("value")).toHaveTextContent("+442079460958");
  },
};

export const PastedWithDashes: Story = {
  args: { locale: "en" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByLabelText("Phone"));
    await userEvent.paste("+972 50-123-4567");
    await expect(canvas.getByTestId("value")).toHaveTextContent("+972501234567");
  },
};

export const WithErrorHebrew: Story = {
  args: { defaultValue: "050-12", error: "נא להזין מספר טלפון תקין, למשל 050-123-4567 או +44 20 7946 0958." },
  play: async ({ canvasElement }) => {
    const input = within(canvasElement).getByLabelText("טלפון");
    await expect(input).toHaveAttribute("aria-invalid", "true");
    await expect(input).toHaveValue("050-12");
  },
};

export const WithErrorEnglish: Story = {
  args: { locale: "en", defaultValue: "050-12", error: "Enter a valid phone number, like 050-123-4567 or +44 20 7946 0958." },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByLabelText("Phone")).toHaveAccessibleDescription(/Enter a valid phone number/);
  },
};

export const DarkHebrew: Story = {
  args: { theme: "dark", defaultValue: "+972501234567" },
  play: async ({ canvasElement, args }) => {
    // An Israeli number shown the local way to a Hebrew reader; 16 px text, so iOS does not zoom in.
    const input = within(canvasElement).getByLabelText(catalog(args.locale)["form.phone"]);
    await expect(input).toHaveValue(args.locale === "en" ? "+972 50 123 4567" : "050-123-4567");
    await expect(parseFloat(getComputedStyle(input).fontSize)).toBeGreaterThanOrEqual(16);
  },
};

export const DisabledEnglish: Story = {
  args: { locale: "en", disabled: true, defaultValue: "+972501234567" },
  tags: ["forced-colors"],
  play: async ({ canvasElement, args }) => {
    const input = within(canvasElement).getByLabelText(catalog(args.locale)["form.phone"]);
    await expect(input).toBeDisabled();
    // Looks disabled: a dashed edge and muted text, not only another background (issue 13, item 5).
    const style = getComputedStyle(input);
    await expect(style.borderTopStyle).toBe("dashed");
    await expect(style.cursor).toBe("not-allowed");
  },
};
