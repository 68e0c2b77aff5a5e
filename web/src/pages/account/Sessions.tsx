// The account's live sessions (GET /auth/sessions): end one, every other, or all of them. Each asks
// first; ending all signs this tab out too.
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { endSession, listSessions, signOutOthers, type SessionInfo } from '../../api/account.ts';
import { session } from '../../auth/session.ts';
import { ActionsHeader, ConfirmedAction, ErrorMessage, ScrollRegion, attempt, formatTime } from '../../components/ui.tsx';
import { describeAgent } from './agent.ts';

export function Sessions({ version, onChanged }: { version: number; onChanged(): void }) {
  const [sessions, setSessions] = useState<SessionInfo[]>();
  const [error, setError] = useState<Error>();
  const load = useCallback(() => void attempt(async () => setSessions(await listSessions()), setError), []);
  useEffect(load, [load, version]);
  const others = sessions?.filter((s) => !s.current).length ?? 0;

  return (
    <>
      <h2>Sessions</h2>
      <p>Where your account is signed in now. Sign out a session you do not recognise, then change your password.</p>
      <ErrorMessage error={error} />
      {sessions && (
        <ScrollRegion label="Sessions">
          <table className="sessions">
            <thead>
              <tr>
                <th scope="col">Browser</th>
                <th scope="col">Network</th>
                <th scope="col">Signed in</th>
                <th scope="col">Last used</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <SessionRow key={s.id} info={s} onEnded={onChanged} />
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <div className="actions everywhere">
        {others > 0 && (
          <ConfirmedAction label="Sign out everywhere else" confirm="Confirm signing out every other session" run={signOutOthers} onDone={onChanged} />
        )}
        <SignOutEverywhere />
      </div>
    </>
  );
}

function SessionRow({ info, onEnded }: { info: SessionInfo; onEnded(): void }) {
  const agent = describeAgent(info.userAgent);
  const what = `${agent}, signed in ${formatTime(info.createdAt)}`;
  return (
    <tr data-session={info.id} data-current={info.current || undefined}>
      <th scope="row" title={info.userAgent ?? undefined}>
        {agent}
        {info.current && <span className="chip">This session</span>}
      </th>
      <td>{info.ip ?? '—'}</td>
      <td>
        <time dateTime={info.createdAt}>{formatTime(info.createdAt)}</time>
      </td>
      <td>
        <time dateTime={info.lastUsedAt}>{formatTime(info.lastUsedAt)}</time>
      </td>
      <td className="actions">
        {!info.current && (
          <ConfirmedAction label="Sign out" name={`Sign out the session of ${what}`} confirm={`Confirm signing out the session of ${what}`} run={() => endSession(info.id)} onDone={onEnded} />
        )}
      </td>
    </tr>
  );
}

function SignOutEverywhere() {
  const navigate = useNavigate();
  return (
    <ConfirmedAction
      label="Sign out everywhere"
      confirm="Confirm signing out every session, this one too"
      run={() => session.signOut('all')}
      onDone={() => navigate('/signin')}
    />
  );
}
