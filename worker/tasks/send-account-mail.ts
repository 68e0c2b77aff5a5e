// `send_account_mail`: the verification and password-reset mails (enqueued by app_auth.request_account_mail
// for any address, known or not). The database issues the token only when there is an account to write
// to and the address's budget allows (app_worker.issue_account_token, migration 000027); otherwise
// nothing is sent, and the requester cannot tell the difference. The plain token exists only here and in
// the mail. No name is written into the mail: whoever registered an address chose the account's name, and
// the mail goes to the address's owner, who may be someone else.
import type { Task } from 'graphile-worker';
import type { Message, SendMail } from '../mail.ts';

export type AccountMailPurpose = 'verify_email' | 'reset_password';

interface Issued {
  token: string;
  address: string;
  expires_at: Date;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The mail for an issued token: text and HTML, the same words and link. */
export function accountMail(purpose: AccountMailPurpose, to: string, link: string, token: string, expiresAt: Date): Message {
  const expires = expiresAt.toUTCString();
  const { subject, intro, action, ignore } =
    purpose === 'verify_email'
      ? {
          subject: 'Verify your e-mail address for rowgate',
          intro: 'Someone registered a rowgate account with this e-mail address. If it was you, verify the address:',
          action: 'Verify my address',
          ignore: 'If it was not you, ignore this mail: the address stays unverified.',
        }
      : {
          subject: 'Reset your rowgate password',
          intro: 'Someone asked to reset the password of the rowgate account with this e-mail address. If it was you, choose a new password:',
          action: 'Choose a new password',
          ignore: 'If it was not you, ignore this mail: your password stays as it is. Resetting it signs out every session of the account.',
        };
  const text = `${intro}\n\n${link}\n\nOr enter this token: ${token}\n\nThe link works once and expires ${expires}.\n${ignore}\n`;
  const html =
    `<p>${escapeHtml(intro)}</p>` +
    `<p><a href="${escapeHtml(link)}">${escapeHtml(action)}</a></p>` +
    `<p>Or enter this token: <code>${escapeHtml(token)}</code></p>` +
    `<p>The link works once and expires ${escapeHtml(expires)}.<br>${escapeHtml(ignore)}</p>`;
  return { to, subject, text, html };
}

/** `publicUrl`: where people reach the console (PUBLIC_URL), asked at each mail. */
export function makeSendAccountMail(sendMail: SendMail, publicUrl: () => string): Task {
  return async (payload, { query, job }) => {
    const { purpose, email } = payload as { purpose: AccountMailPurpose; email: string };
    const { rows } = await query<Issued>('select token, address, expires_at from app_worker.issue_account_token($1, $2, $3)', [purpose, email, job.id]);
    if (rows.length === 0) return;
    const [{ token, address, expires_at: expiresAt }] = rows;
    const page = purpose === 'verify_email' ? 'verify-email' : 'reset-password';
    await sendMail(accountMail(purpose, address, `${publicUrl()}/${page}?token=${encodeURIComponent(token)}`, token, expiresAt));
  };
}
