import { templateRoles } from './template-roles';

describe('templateRoles', () => {
  it('reads the roles of a template body, lead first when it was missing', () => {
    expect(templateRoles({ roles: ['lead', 'admin', 'trainer'] })).toEqual(['lead', 'admin', 'trainer']);
    expect(templateRoles({ roles: ['admin', 7] })).toEqual(['lead', 'admin']);
  });

  it('falls back to the lead for a body without roles', () => {
    expect(templateRoles(null)).toEqual(['lead']);
    expect(templateRoles({})).toEqual(['lead']);
  });
});
