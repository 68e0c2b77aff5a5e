// `send_invitation`: mails the one-time token of a new invitation (enqueued by invite_to_organization).
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

export function makeSendInvitation(sendMail: SendMail, acceptUrl: string): Task {
  return async (payload) => {
    const mail = payload as InvitationMail;
    const link = `${acceptUrl}${encodeURIComponent(mail.token)}`;
    const inviter = mail.invitedByName ? `${mail.invitedByName} invited you` : 'You are invited';
    await sendMail({
      to: mail.email,
      subject: `Join ${mail.organizationName} on rowgate`,
      text:
        `${inviter} to join ${mail.organizationName} as ${mail.roleName}.\n\n` +
        `Accept: ${link}\n\nOr use this token with acceptInvitation: ${mail.token}\n\n` +
        `The invitation expires ${new Date(mail.expiresAt).toUTCString()}.\n`,
    });
  };
}
