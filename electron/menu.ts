import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  readonly dev: boolean;
  readonly platform: NodeJS.Platform;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** A small Chinese menu: standard edit roles (so Ctrl+C/V work), zoom, and reload only in dev. */
export function applicationMenuTemplate({
  dev,
  platform,
}: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: '调解台',
          submenu: [
            { role: 'about', label: '关于调解台' },
            separator,
            { role: 'hide', label: '隐藏调解台' },
            { role: 'hideOthers', label: '隐藏其他' },
            { role: 'unhide', label: '全部显示' },
            separator,
            { role: 'quit', label: '退出调解台' },
          ],
        },
      ]
    : [];
  return [
    ...appMenu,
    {
      label: '文件',
      submenu: [mac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出' }],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        separator,
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'delete', label: '删除' },
        separator,
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        // Reloading a production window would only lose unsaved form input.
        ...(dev
          ? ([
              { role: 'reload', label: '重新加载' },
              { role: 'forceReload', label: '强制重新加载' },
              { role: 'toggleDevTools', label: '开发者工具' },
              separator,
            ] satisfies MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        separator,
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    {
      label: '窗口',
      submenu: [
        { role: 'minimize', label: '最小化' },
        ...(mac ? ([{ role: 'zoom', label: '缩放' }] satisfies MenuItemConstructorOptions[]) : []),
      ],
    },
  ];
}

export function installApplicationMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(options)));
}
