/**
 * What a regional picture is filed under. The owner (a person id, given by the caller) is
 * part of the store key but never of a link: a link names the owner's digest, so a URL
 * passed on does not carry the person's id.
 */
import { createHash } from 'node:crypto';

/** Hash-tag safe: no braces, colons or slashes. */
export const ownerKeyPattern = /^[A-Za-z0-9._-]{1,128}$/;
export const runPattern = /^[A-Za-z0-9-]{1,40}$/;
export const ownerDigestPattern = /^[0-9a-f]{32}$/;

export const ownerDigest = (ownerKey: string): string => createHash('sha256').update(`regional\n${ownerKey}`).digest('hex').slice(0, 32);
