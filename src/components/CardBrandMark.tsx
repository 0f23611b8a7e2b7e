import type { ReactNode } from "react";
import { knownBrand, type KnownBrand } from "./utils/cardText";

// Simplified marks, drawn small (32 × 20) and decorative: the brand's name is
// in the row's text, so they are hidden from assistive technology.
const MARKS: Record<KnownBrand, ReactNode> = {
  visa: (
    <>
      <rect width="32" height="20" rx="3" fill="#1a1f71" />
      <text x="16" y="14" textAnchor="middle" fill="#fff" fontSize="9" fontStyle="italic" fontWeight="700" fontFamily="Arial, sans-serif">
        VISA
      </text>
    </>
  ),
  mastercard: (
    <>
      <rect width="32" height="20" rx="3" fill="#252525" />
      <circle cx="12.5" cy="10" r="6" fill="#eb001b" />
      <circle cx="19.5" cy="10" r="6" fill="#f79e1b" fillOpacity="0.9" />
    </>
  ),
  amex: (
    <>
      <rect width="32" height="20" rx="3" fill="#016fd0" />
      <text x="16" y="13.5" textAnchor="middle" fill="#fff" fontSize="7" fontWeight="700" fontFamily="Arial, sans-serif">
        AMEX
      </text>
    </>
  ),
  diners: (
    <>
      <rect width="32" height="20" rx="3" fill="#fff" stroke="#c8ccd4" />
      <circle cx="16" cy="10" r="6.5" fill="none" stroke="#0079be" strokeWidth="1.6" />
      <path d="M14 5.8v8.4M18 5.8v8.4" stroke="#0079be" strokeWidth="1.6" />
    </>
  ),
  isracard: (
    <>
      <rect width="32" height="20" rx="3" fill="#fff" stroke="#c8ccd4" />
      <path d="M7 14l6-8h6l-6 8z" fill="#0055a5" />
      <path d="M15 14l6-8h4l-6 8z" fill="#f5a800" />
    </>
  ),
};

const GENERIC = (
  <>
    <rect x="0.75" y="0.75" width="30.5" height="18.5" rx="2.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
    <path d="M1 6h30" stroke="currentColor" strokeWidth="2.5" />
    <path d="M5 14h8" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
  </>
);

/** A card brand's mark (Visa, Mastercard, Amex, Diners, Isracard), else a generic card. Decorative. Internal. */
export function CardBrandMark({ brand }: { brand: string }) {
  const known = knownBrand(brand);
  return (
    <svg
      className="ching-brand-mark"
      data-brand={known ?? "other"}
      viewBox="0 0 32 20"
      width="32"
      height="20"
      aria-hidden="true"
      focusable="false"
    >
      {known ? MARKS[known] : GENERIC}
    </svg>
  );
}
