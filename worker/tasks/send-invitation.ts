// `send_invitation`: mails the one-time token of a new invitation (enqueued by invite_to_organization).
//
// The organization's, role's and inviter's names are written by members, who may be anyone: a name such
// as "Your account is locked: sign in at https://evil.example now" must not read as rowgate speaking. So
// the subject holds nothing a member wrote; in the body each name stands quoted on a labelled line of
// its own, on one line, at most 80 characters, with anything that looks like a link or a domain defanged
// ("evil[.]example"), and the mail says plainly that rowgate did not choose those names.
import type { Task } from 'graphile-worker';
import type { SendMail } from '../mail.ts';

export interface InvitationMail {
  invitationId: string;
  token: string;
  email: string;
  organizationName: string;
  roleName: string;
  invitedByName: string | null;
  expiresAt: string;
}

const MAX_NAME = 80;
/** A URL, or a host name (labels and a top-level domain of letters): what a mail client would link. */
const LINK_LIKE = /\b(?:[a-z][a-z0-9+.-]*:\/\/\S*|(?:[a-z0-9-]+\.)+[a-z]{2,}\b\S*)/gi;

/** A member-written name, fit to quote in a mail: one line, bounded, no link a mail client would follow. */
export function quotedName(name: string): string {
  const line = name.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ').replace(/\s+/g, ' ').trim();
  const short = line.length > MAX_NAME ? `${line.slice(0, MAX_NAME - 1)}…` : line;
  return `“${short.replace(LINK_LIKE, (link) => link.replace(/:\/\//g, '[:]//').replace(/\./g, '[.]'))}”`;
}

/** `publicUrl`: where people reach the console (PUBLIC_URL), asked at each mail. */
export function makeSendInvitation(sendMail: SendMail, publicUrl: () => string): Task {
  return async (payload) => {
    const mail = payload as InvitationMail;
    const link = `${publicUrl()}/invitations/accept?token=${encodeURIComponent(mail.token)}`;
    await sendMail({
      to: mail.email,
      subject: 'You are invited to an organization on rowgate',
      text:
        'You are invited to join an organization on rowgate.\n\n' +
        `Organization: ${quotedName(mail.organizationName)}\n` +
        `Role: ${quotedName(mail.roleName)}\n` +
        (mail.invitedByName ? `Invited by: ${quotedName(mail.invitedByName)}\n` : '') +
        '\nThese names were written by the people who invited you, not by rowgate. If you did not expect ' +
        'this invitation, ignore this mail: nothing happens unless you accept it.\n\n' +
        `Accept: ${link}\n\nOr use this token with acceptInvitation: ${mail.token}\n\n` +
        `The invitation expires ${new Date(mail.expiresAt).toUTCString()}.\n`,
    });
  };
}
