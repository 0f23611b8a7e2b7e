import { cookies } from "next/headers";
import { isCustomerId } from "@ching/billing-portal-react/shared";
import { readUsers, SESSION_COOKIE } from "../lib/users";
import { Billing } from "./Billing";

export default async function Page() {
  const users = await readUsers();
  const session = (await cookies()).get(SESSION_COOKIE)?.value;
  const signedIn = users.find((user) => user.id === session);

  if (!signedIn) {
    return (
      <main>
        <h1>Shop</h1>
        <form method="post" action="/api/session">
          {users.map((user) => (
            <button key={user.id} type="submit" name="user" value={user.id}>
              Sign in as {user.name}
            </button>
          ))}
        </form>
      </main>
    );
  }

  return (
    <main>
      <h1>Shop</h1>
      <form method="post" action="/api/session">
        <p>
          {signedIn.name}{" "}
          <span data-testid="customer-on-file">
            {isCustomerId(signedIn.chingCustomerId) ? signedIn.chingCustomerId : "no billing details yet"}
          </span>{" "}
          <button type="submit" name="user" value="">
            Sign out
          </button>
        </p>
      </form>
      <Billing />
    </main>
  );
}
