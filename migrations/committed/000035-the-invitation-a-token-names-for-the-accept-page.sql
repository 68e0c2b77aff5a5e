--! Previous: sha1:f47fc49690be27b4afd1b1d237062b5b53de0cdd
--! Hash: sha1:c4cd729f1eec8c9a66d502cfbd2fd9b6257b81d2
--! Message: the invitation a token names, for the accept page

-- The accept page names who invites whom to what: "Dana invited you to Dana Studio as Developer", to a
-- visitor who may not have an account yet. Until now the page could name nothing: the invitation is
-- readable only with users:invite in its organization, which the invitee does not hold, and
-- accept_invitation joins at once. The token in the link is the invitee's proof of having the mail, and
-- the mail already names the organization, the role and the inviter; this function answers a token
-- holder with those same names, the address it was sent to and its expiry, and nothing else.
--
-- SECURITY DEFINER, as accept_invitation is: the token hash lives in app_private and the invitation in a
-- table no invitee may read. It answers only for an invitation accept_invitation would still honour for
-- its addressee: not accepted, unexpired, and its sender still able to give the role (a member holding
-- users:invite and every permission of the role, 000011; otherwise the invitation is void). A wrong,
-- used, expired, withdrawn (deleted) or void token gets null, by one statement
-- that looks up the unique token hash whatever the case, so the answer's shape and time tell them apart
-- no more than accept_invitation's own answer to a stranger does (a wrong token is the same null).
-- Tokens are 256 random bits, so asking is no way to find one. STABLE: it only reads.
-- Re-runnable while it is current.sql (db:watch).
drop function if exists app_public.invitation_by_token(text);
drop type if exists app_public.invitation_preview;

-- A composite type's fields are all nullable to PostgreSQL; `@notNull` tells GraphQL that an answer
-- always has each of them (the answer itself is null when there is none).
create type app_public.invitation_preview as (
  organization_name text,
  role_name text,
  invited_by_name text,
  email text,
  expires_at timestamptz
);
comment on type app_public.invitation_preview is 'What an invitation offers, as its token holder may see it before accepting.';
comment on column app_public.invitation_preview.organization_name is E'@notNull\nThe organization you are invited to.';
comment on column app_public.invitation_preview.role_name is E'@notNull\nThe role you get on accepting.';
comment on column app_public.invitation_preview.invited_by_name is E'@notNull\nWho sent the invitation.';
comment on column app_public.invitation_preview.email is E'@notNull\nThe address the invitation was sent to: accept it signed in with this address.';
comment on column app_public.invitation_preview.expires_at is E'@notNull\nAfter this the token no longer works.';

create or replace function app_public.invitation_by_token(token text) returns app_public.invitation_preview
language sql stable security definer
set search_path = pg_catalog, pg_temp
as $$
  select row(o.name, r.name, u.name, i.email, i.expires_at)::app_public.invitation_preview
  from app_private.invitation_secrets s
  join app_public.invitations i on i.id = s.invitation_id
  join app_public.organizations o on o.id = i.organization_id
  join app_public.roles r on r.id = i.role_id and r.organization_id = i.organization_id
  join app_public.users u on u.id = i.invited_by_id
  where s.token_hash = pg_catalog.sha256(pg_catalog.convert_to(coalesce($1, ''), 'UTF8'))
    and i.accepted_at is null
    and i.expires_at > pg_catalog.now()
    and app_public.user_has_permission(i.invited_by_id, i.organization_id, 'users:invite')
    and app_private.missing_permissions(i.invited_by_id, i.organization_id, r.permissions) = '{}'
$$;
alter function app_public.invitation_by_token(text) owner to rowgate_definer;
revoke execute on function app_public.invitation_by_token(text) from public;
grant execute on function app_public.invitation_by_token(text) to app_anonymous, app_user;
comment on function app_public.invitation_by_token(text) is 'The organization, role, inviter, address and expiry of the pending invitation whose token (from the invitation mail) you hold; null for a token that is wrong, used, expired, withdrawn, or whose sender can no longer give the role. Works signed out.';
