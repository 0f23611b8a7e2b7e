/**
 * The toy user database, a JSON file: in a real app, your users table. It survives
 * a restart of `next start`, so a reload shows what the last request stored.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

export interface ShopUser {
  id: string;
  name: string;
  email: string;
  /** The Ching customer id, once `onCustomerCreated` stored it. */
  chingCustomerId: string | null;
}

export const SESSION_COOKIE = "shop_user";

const DEMO_USERS: ShopUser[] = [
  { id: "a", name: "אביגיל כהן", email: "avigail@example.com", chingCustomerId: null },
  { id: "b", name: "Ben Mizrahi", email: "ben@example.com", chingCustomerId: null },
];

// A path under the app folder: Next traces a fixed subfolder, not the whole project.
const file = () => join(process.cwd(), ".data", "users.json");

export async function readUsers(): Promise<ShopUser[]> {
  try {
    return JSON.parse(await readFile(file(), "utf8")) as ShopUser[];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return DEMO_USERS;
    throw error;
  }
}

export async function findUser(id: string | undefined): Promise<ShopUser | undefined> {
  return id ? (await readUsers()).find((user) => user.id === id) : undefined;
}

/** The signed-in user of a request, from the session cookie. */
export function userFromRequest(request: Request): Promise<ShopUser | undefined> {
  const match = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`).exec(request.headers.get("cookie") ?? "");
  return findUser(match?.[1]);
}

// One write at a time, and through a rename, so a reader never sees half a file.
let writing: Promise<unknown> = Promise.resolve();
export function setChingCustomerId(userId: string, chingCustomerId: string): Promise<void> {
  const next = writing.then(async () => {
    const users = (await readUsers()).map((user) => (user.id === userId ? { ...user, chingCustomerId } : user));
    await mkdir(dirname(file()), { recursive: true });
    await writeFile(`${file()}.tmp`, JSON.stringify(users, null, 2));
    await rename(`${file()}.tmp`, file());
  });
  writing = next.catch(() => undefined);
  return next;
}
