/**
 * Deep imports of the SDK's ES modules: only the API groups the widget uses end up in the
 * bundle (the package's browser build carries every API). Types come from the package itself.
 */
declare module 'purecloud-platform-client-v2/src/purecloud-platform-client-v2/ApiClient.js' {
  import type platformClient from 'purecloud-platform-client-v2';
  const ApiClient: new () => typeof platformClient.ApiClient;
  export default ApiClient;
}
declare module 'purecloud-platform-client-v2/src/purecloud-platform-client-v2/api/ConversationsApi.js' {
  import type platformClient from 'purecloud-platform-client-v2';
  const ConversationsApi: typeof platformClient.ConversationsApi;
  export default ConversationsApi;
}
declare module 'purecloud-platform-client-v2/src/purecloud-platform-client-v2/api/NotificationsApi.js' {
  import type platformClient from 'purecloud-platform-client-v2';
  const NotificationsApi: typeof platformClient.NotificationsApi;
  export default NotificationsApi;
}
declare module 'purecloud-platform-client-v2/src/purecloud-platform-client-v2/api/UsersApi.js' {
  import type platformClient from 'purecloud-platform-client-v2';
  const UsersApi: typeof platformClient.UsersApi;
  export default UsersApi;
}
