/** What a staff access token says; the guard re-reads the user for everything else. */
export interface AccessTokenClaims {
  sub: string;
  role?: string;
  /**
   * The user's tokenVersion when the token was issued; bumped by a password, active, role or
   * department change, which ends every earlier token. Tokens from before it existed count as 0.
   */
  ver?: number;
}
