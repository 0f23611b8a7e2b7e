/**
 * Which components rendered in a React commit, read from the committed fiber
 * tree that react-dom hands a React DevTools hook. No DOM or Node API: the
 * jsdom bench and the Chromium bench page use the same code.
 *
 * These are React internals (work tags, the PerformedWork flag, the shape of
 * the hook): a benchmark may lean on them, a library may not.
 */

/** The part of a React fiber the render counter reads. */
export interface Fiber {
  tag: number;
  type: unknown;
  flags: number;
  memoizedProps: unknown;
  child: Fiber | null;
  sibling: Fiber | null;
  alternate: Fiber | null;
}

export interface FiberRoot {
  current: Fiber;
}

export type CommitListener = (root: FiberRoot) => void;

/**
 * A minimal React DevTools hook: react-dom connects to it when it loads (so it
 * must be on the global object before react-dom is evaluated) and hands it every
 * committed root. Works with development, production and profiling builds.
 */
export function createDevtoolsHook(listener: () => CommitListener | undefined) {
  return {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => undefined,
    onScheduleFiberRoot: () => undefined,
    onCommitFiberRoot: (_id: number, root: FiberRoot) => listener()?.(root),
    onCommitFiberUnmount: () => undefined,
    onPostCommitFiberRoot: () => undefined,
  };
}

// React's work tags of the fibers that are components (ReactWorkTags) and its PerformedWork flag.
const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]); // function, class, forwardRef, memo, simple memo
const HOST_COMPONENT = 5;
const PERFORMED_WORK = 1;

function nameOf(fiber: Fiber): string {
  const type = fiber.type as { displayName?: string; name?: string; render?: { name?: string }; type?: { name?: string } } | undefined;
  return type?.displayName || type?.name || type?.render?.name || type?.type?.name || "Anonymous";
}

/** The `data-ching-section` of a host element (BillingPage's wrapper of each section), if it has one. */
function sectionOf(fiber: Fiber): string | undefined {
  if (fiber.tag !== HOST_COMPONENT) return undefined;
  const section = (fiber.memoizedProps as Record<string, unknown> | null)?.["data-ching-section"];
  return typeof section === "string" ? section : undefined;
}

export interface RenderedComponent {
  /** The component's function name (minified builds lose it; `section` does not depend on it). */
  name: string;
  /** The BillingPage section it rendered in (`profile`, `cards`, `history`, `manage`), if any. */
  section?: string;
  /**
   * Whether it is a top component of its section (no component between it and the
   * section's wrapper): the section as a whole rendering, not only a part of it such
   * as one receipt link whose document arrived.
   */
  top?: boolean;
}

/**
 * Counts the components that rendered in each commit, as React DevTools'
 * "highlight updates" does: a component rendered when React visited its fiber
 * in this render (the fiber is not the very object of the previous commit,
 * which a skipped subtree keeps) and did work on it (PerformedWork). Each is
 * tagged with the section whose wrapper element it sits in, and whether it is
 * one of that section's top components.
 */
export function createRenderCounter() {
  let previous = new Set<Fiber>();
  return function rendered(root: FiberRoot): RenderedComponent[] {
    const components: RenderedComponent[] = [];
    const seen = new Set<Fiber>();
    // Each fiber with what it inherits from its parent: its section, and whether a component of that section is above it.
    const stack: Array<[Fiber, string | undefined, boolean]> = [[root.current, undefined, false]];
    while (stack.length > 0) {
      const [fiber, outerSection, outerBelowComponent] = stack.pop()!;
      seen.add(fiber);
      const wrapper = sectionOf(fiber);
      const section = wrapper ?? outerSection;
      const belowComponent = wrapper !== undefined ? false : outerBelowComponent;
      const isComponent = COMPONENT_TAGS.has(fiber.tag);
      if (isComponent && (fiber.flags & PERFORMED_WORK) !== 0 && !previous.has(fiber)) {
        components.push(section === undefined ? { name: nameOf(fiber) } : { name: nameOf(fiber), section, top: !belowComponent });
      }
      // A sibling inherits what this fiber inherited; a child, what this fiber makes of it.
      if (fiber.sibling) stack.push([fiber.sibling, outerSection, outerBelowComponent]);
      if (fiber.child) stack.push([fiber.child, section, belowComponent || (isComponent && section !== undefined)]);
    }
    previous = seen;
    return components;
  };
}
