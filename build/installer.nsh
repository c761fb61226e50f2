; Мөөр's additions to electron-builder's NSIS installer (nsis.include in electron-builder.yml).
; Electron needs Windows 10 or newer: on an older Windows the installer stops before it writes
; anything and says why, in Kyrgyz and Russian. /SD IDOK lets a silent install (/S) stop too.
!include WinVer.nsh

!macro customInit
  ${IfNot} ${AtLeastWin10}
    MessageBox MB_OK|MB_ICONSTOP "Мөөр Windows 10 же андан жаңы версияны талап кылат. Бул компьютердеги Windows эски, ошондуктан орнотуу токтотулду.$\r$\n$\r$\nМөөр требует Windows 10 или новее. Windows на этом компьютере устарела, поэтому установка прервана." /SD IDOK
    Quit
  ${EndIf}
!macroend
