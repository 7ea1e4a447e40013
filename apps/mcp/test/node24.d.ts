// tools/node24 is plain JavaScript without types.
declare module '@acronis-reports/node24' {
  export const node24Path: string;
}
