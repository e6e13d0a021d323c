import { useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { homePathFor } from '../layout/navigation';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useSession } from './session';

const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      token
    }
  }
`);

export function LoginScreen() {
  const { user, signIn } = useSession();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [result, login] = useMutation(LoginMutation);

  if (user) {
    const wanted = (location.state as { from?: string } | null)?.from;
    return <Navigate to={wanted ?? homePathFor(user.roles) ?? '/app/'} replace />;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await login({ input: { email, password } });
    if (answer.data) signIn(answer.data.login.token);
  }

  return (
    <main className="login">
      <form className="card login-card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">Sign in to the help desk</h1>
        <label>
          Email
          <input type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
        </label>
        <label>
          Password
          <input type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
        </label>
        {result.error && <ErrorNotice error={result.error} />}
        <button type="submit" disabled={result.fetching}>
          {result.fetching ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
