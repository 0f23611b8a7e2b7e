// A toy sign-in: a form posts `user=a`, the answer sets a cookie. An empty `user` signs out.
import { findUser, SESSION_COOKIE } from "../../../lib/users";

export async function POST(request: Request) {
  const form = await request.formData();
  const user = await findUser(String(form.get("user") ?? ""));
  // A relative Location: `request.url` names the host Next was started with, which may not be
  // the one the browser used (127.0.0.1 against localhost), and the cookie would not follow.
  const headers = new Headers({ location: "/" });
  headers.append("set-cookie", user ? `${SESSION_COOKIE}=${user.id}; Path=/; HttpOnly; SameSite=Lax` : `${SESSION_COOKIE}=; Path=/; Max-Age=0`);
  return new Response(null, { status: 303, headers });
}
