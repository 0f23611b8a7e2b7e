import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { isolateLtr } from "../../src/components/utils/isolateLtr";

function html(text: string) {
  return render(<p dir="rtl">{isolateLtr(text)}</p>).container.innerHTML;
}

describe("isolateLtr", () => {
  it("isolates phone numbers and email addresses, leaving the sentence's punctuation outside", () => {
    expect(html("למשל 050-123-4567 או +44 20 7946 0958.")).toBe(
      '<p dir="rtl">למשל <bdi class="ching-ltr" dir="ltr">050-123-4567</bdi> או <bdi class="ching-ltr" dir="ltr">+44 20 7946 0958</bdi>.</p>',
    );
    expect(html("למשל name@example.com.")).toBe('<p dir="rtl">למשל <bdi class="ching-ltr" dir="ltr">name@example.com</bdi>.</p>');
  });

  it("leaves text without such runs, and anything not a string, as it is", () => {
    expect(isolateLtr("נא להזין שם.")).toBe("נא להזין שם.");
    const node = <b>x</b>;
    expect(isolateLtr(node)).toBe(node);
  });
});
