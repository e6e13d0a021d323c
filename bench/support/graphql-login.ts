/** Signs in through the API's `login` mutation; the bearer token, or an error naming the user. */
export async function login(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($input: LoginInput!) { login(input: $input) { token } }', variables: { input: { email, password } } }),
  });
  const body = (await response.json()) as { data?: { login: { token: string } } };
  if (!body.data) throw new Error(`login of ${email} failed: ${JSON.stringify(body)}`);
  return body.data.login.token;
}
